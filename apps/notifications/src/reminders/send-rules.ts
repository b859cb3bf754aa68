import { DateTime } from 'luxon';
import type { ReminderKind } from './reminder.entity';

/** What a reminder re-reads before it goes: the session at its latest version. */
export interface SessionNow {
  status: 'booked' | 'cancelled';
  version: number;
  startsAt: Date | null;
}

/**
 * Why a reminder must not go any more, or null when it still should: a moved session's old
 * reminders never go, a cancelled session gets its cancellation and nothing else, and nothing
 * about a session goes once it has started (a cancellation, once its time has passed).
 */
export function noLongerTrue(reminder: { kind: ReminderKind; sessionVersion: number }, session: SessionNow | null, now: Date): string | null {
  if (reminder.kind === 'poll') return null;
  if (!session) return 'session-unknown';
  if (session.version !== reminder.sessionVersion) return 'session-changed';
  if (reminder.kind === 'cancellation') {
    if (session.status !== 'cancelled') return 'session-not-cancelled';
    return session.startsAt && session.startsAt <= now ? 'session-time-passed' : null;
  }
  if (session.status === 'cancelled') return 'session-cancelled';
  return session.startsAt && session.startsAt <= now ? 'session-started' : null;
}

export interface QuietHours {
  startHour: number;
  endHour: number;
}

/** When quiet hours end, if `at` falls in them in this time zone; null outside them. */
export function endOfQuietHours(at: Date, timeZone: string, quiet: QuietHours): Date | null {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const hour = local.hour;
  const wraps = quiet.startHour > quiet.endHour;
  const inQuiet = wraps ? hour >= quiet.startHour || hour < quiet.endHour : hour >= quiet.startHour && hour < quiet.endHour;
  if (!inQuiet) return null;
  const end = local.set({ hour: quiet.endHour, minute: 0, second: 0, millisecond: 0 });
  return (end <= local ? end.plus({ days: 1 }) : end).toJSDate();
}

/** Twilio's longest validity period, in seconds. */
export const MAX_VALIDITY_SECONDS = 36_000;

/** Seconds an SMS may wait at the provider so that it never arrives after `until`; 0 when too late already. */
export function validitySeconds(now: Date, until: Date): number {
  return Math.max(0, Math.min(MAX_VALIDITY_SECONDS, Math.floor((until.getTime() - now.getTime()) / 1000)));
}
