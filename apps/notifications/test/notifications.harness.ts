import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { DomainEvent, EventPayloads, EventType } from '#contracts';
import { ensureRedis, freePort } from '#infra';
import { EventConsumer, type HandleOutcome } from '#messaging';
import { SmtpCatcher, TwilioStandIn } from '#stand-ins';
import { createTestApp, type TestApp } from '#testing';
import type { Environment } from '#platform';
import { NotificationsWorkerModule } from '../src/notifications-worker.module';
import { type Recipient, RpcStandIns } from './rpc-stand-ins';

export interface Harness {
  t: TestApp;
  db: DataSource;
  twilio: TwilioStandIn;
  smtp: SmtpCatcher;
  rpc: RpcStandIns;
  publicUrl: string;
  /** Delivers an event to notifications' consumer, as the relay would. */
  deliver(event: DomainEvent): Promise<HandleOutcome>;
  event<T extends EventType>(type: T, payload: EventPayloads[T], caseId: string, organisationId?: string): DomainEvent<T>;
  close(): Promise<void>;
}

/**
 * Notifications' worker and API on a database of their own, a Redis and a queue prefix of their
 * own (which also names their RPC channels), the Twilio stand-in and the SMTP catcher, with cases
 * and scheduling answering RPC through stand-ins.
 */
export async function startNotifications(
  imports: Parameters<typeof createTestApp>[0] = [NotificationsWorkerModule],
  env: Environment = {},
  options: { rpcStandIns?: boolean } = {},
): Promise<Harness> {
  const redisDir = mkdtempSync(join(tmpdir(), 'notifications-redis-'));
  const redis = await ensureRedis(`redis://127.0.0.1:${await freePort()}`, redisDir);
  const twilio = new TwilioStandIn();
  await twilio.start();
  const smtp = new SmtpCatcher();
  await smtp.start();
  const prefix = `test-notifications-${randomBytes(4).toString('hex')}`;
  // Off when the real cases (and scheduling) modules answer RPC in the same app.
  const rpc = await RpcStandIns.start(redis.url, prefix, options.rpcStandIns ?? true);
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp(imports, {
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    TWILIO_API_URL: twilio.url,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    PUBLIC_BASE_URL: publicUrl,
    SEND_BACKOFF_MS: '50',
    SMS_IN_DOUBT_GRACE_MS: '500',
    SEND_LOCK_MS: '2000',
    RPC_TIMEOUT_MS: '2000',
    EVENT_RETRY_BACKOFF_MS: '50',
    LINK_DOMAINS: 'poll.example.org',
    ...env,
  });
  await t.app.listen(port, '127.0.0.1');
  twilio.setInboundUrl(`${publicUrl}/webhooks/twilio/inbound`);
  let sequence = 0;
  return {
    t,
    db: t.app.get<DataSource>(getDataSourceToken('notifications')),
    twilio,
    smtp,
    rpc,
    publicUrl,
    deliver: (event) => t.app.get(EventConsumer).handle(event),
    event(type, payload, caseId, organisationId = 'org-a') {
      sequence += 1;
      return { id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), source: 'scheduling', sequence, caseId, organisationId, payload };
    },
    async close() {
      await t.close();
      await rpc.stop();
      await twilio.stop();
      await smtp.stop();
      await redis.stop();
      rmSync(redisDir, { recursive: true, force: true });
    },
  };
}

let numbers = 0;

/** A participant reached directly, on the channels given (SMS and email by default). */
export function person(overrides: Partial<Recipient> = {}): Recipient {
  numbers += 1;
  const participantId = randomUUID();
  return {
    participantId,
    role: 'person-harmed',
    relation: 'self',
    firstName: 'Sarah',
    language: 'en',
    timeZone: daytimeZone(),
    discreet: false,
    sms: `+447700900${String(100 + numbers).padStart(3, '0')}`,
    email: `p${numbers}@example.org`,
    ...overrides,
  };
}

/** An Etc/GMT zone where it is now between 10:00 and 16:00, so quiet hours never get in a test's way. */
export function daytimeZone(now = new Date()): string {
  return zoneWhereHourIs(13, now);
}

/** An Etc/GMT zone where it is now between 22:00 and 04:00: quiet hours for SMS. */
export function nightZone(now = new Date()): string {
  return zoneWhereHourIs(1, now);
}

function zoneWhereHourIs(hour: number, now: Date): string {
  let offset = (hour - now.getUTCHours() + 36) % 24 - 12; // -12..11
  if (offset < -12) offset += 24;
  // Etc/GMT signs are inverted: Etc/GMT-3 is three hours ahead of UTC.
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
