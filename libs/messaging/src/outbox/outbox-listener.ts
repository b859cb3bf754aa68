import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { OUTBOX_CHANNEL } from './outbox.repository';

/**
 * Wakes the relay when a transaction that recorded events commits (Postgres NOTIFY), so events
 * leave within milliseconds without tight polling. Polling stays as the safety net: a lost
 * connection or missed notification only delays an event, never loses it.
 */
export class OutboxListener {
  private client: Client | null = null;
  private stopped = false;
  private readonly logger = new Logger('OutboxListener');

  constructor(
    private readonly databaseUrl: string,
    private readonly service: string,
    private readonly onNotify: () => void,
  ) {}

  async start(): Promise<void> {
    while (!this.stopped && !this.client) {
      const client = new Client({ connectionString: this.databaseUrl, application_name: `convene-${this.service}-relay` });
      try {
        await client.connect();
        client.on('notification', (message) => {
          if (message.payload === this.service) this.onNotify();
        });
        client.on('error', () => this.reconnect(client));
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        this.client = client;
      } catch (error) {
        await client.end().catch(() => undefined);
        this.logger.warn(`cannot listen for outbox notifications (${(error as Error).message}); polling meanwhile`);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  }

  private reconnect(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    void this.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}
