export default async function globalTeardown(): Promise<void> {
  const stops = (globalThis as { __conveneTestStops?: (() => Promise<void>)[] }).__conveneTestStops ?? [];
  for (const stop of stops.reverse()) await stop();
}
