/** Instants as the exchange format writes them: ISO-8601 in UTC with a trailing Z. */

const MINUTE_MS = 60_000;

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z$/;

/** Milliseconds since the epoch, or undefined when the text is not a real UTC instant ending in Z. */
export function parseIsoInstant(text: string): number | undefined {
  const match = ISO_UTC.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 2027-02-30 over into March and 24:00 into the next day; a real instant reads back the same.
  const back = new Date(ms);
  const real =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return real ? ms : undefined;
}

/** The instant as the format writes it, without milliseconds when they are zero. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function minutesToMs(minutes: number): number {
  return minutes * MINUTE_MS;
}

export function msToMinutes(ms: number): number {
  return ms / MINUTE_MS;
}
