/**
 * A reporting consumer in a process of its own, for the crash test: its handler writes, says
 * so on stdout, then hangs until the test kills the process.
 */
import { DataSource } from 'typeorm';
import { EventConsumer } from '#messaging';

async function main(): Promise<void> {
  const [databaseUrl, redisUrl, queuePrefix] = process.argv.slice(2) as [string, string, string];
  const dataSource = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
  const consumer = new EventConsumer(
    dataSource,
    new Map([
      [
        'case.referred',
        async (event, manager) => {
          await manager.query('INSERT INTO reporting.effect (event_id, reference) VALUES ($1, $2)', [event.id, 'from the dead worker']);
          process.stdout.write('handling\n');
          await new Promise(() => undefined);
        },
      ],
    ]),
    { service: 'reporting', redisUrl, queuePrefix, lockDurationMs: 1000 },
  );
  consumer.onApplicationBootstrap();
}

void main();
