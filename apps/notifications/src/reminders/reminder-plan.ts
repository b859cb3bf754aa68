import { createHash } from 'node:crypto';
import type { ReminderKind } from './reminder.entity';

/** Whether a confirmation goes when a session is booked, and reminders how many minutes before it starts. */
export interface ReminderSettings {
  confirmation: boolean;
  offsetsMinutes: number[];
}

export interface PlannedReminder {
  kind: ReminderKind;
  dueAt: Date;
}

/** A saved setting: for every session of an organisation, a session kind, or one participant. */
export interface ReminderSettingsRow extends ReminderSettings {
  sessionKind: string | null;
  participantId: string | null;
}

/** The most specific setting wins: the participant's, then the session kind's, then the organisation's, then the defaults. */
export function settingsFor(rows: readonly ReminderSettingsRow[], sessionKind: string, participantId: string, defaults: ReminderSettings): ReminderSettings {
  return (
    rows.find((r) => r.participantId === participantId) ??
    rows.find((r) => r.participantId === null && r.sessionKind === sessionKind) ??
    rows.find((r) => r.participantId === null && r.sessionKind === null) ??
    defaults
  );
}

/**
 * The messages a participant gets for a session just booked or moved: the confirmation (or the
 * notice of the move) now, then each reminder whose time is still ahead. A reminder whose time
 * has passed is left out: the confirmation already told them.
 */
export function plannedReminders(trigger: 'booked' | 'rescheduled', startsAt: Date, settings: ReminderSettings, now: Date): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  if (trigger === 'rescheduled') planned.push({ kind: 'reschedule', dueAt: now });
  else if (settings.confirmation) planned.push({ kind: 'confirmation', dueAt: now });
  for (const minutes of [...new Set(settings.offsetsMinutes)].sort((a, b) => b - a)) {
    const dueAt = new Date(startsAt.getTime() - minutes * 60_000);
    if (dueAt > now) planned.push({ kind: `reminder-${minutes}`, dueAt });
  }
  return planned;
}

/**
 * The id of a reminder, made from its unique key: the same event handled twice plans the same
 * rows and the same job ids, so neither is made twice.
 */
export function reminderId(sessionId: string, participantId: string, kind: string, sessionVersion: number, pollId: string | null = null): string {
  const hex = createHash('sha256').update(`${sessionId}|${participantId}|${kind}|${sessionVersion}|${pollId ?? ''}`).digest('hex');
  // An RFC 9562 version 8 (custom) UUID: the hash with the version and variant bits set.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function parseOffsets(text: string): number[] {
  return text.split(',').map(Number);
}
