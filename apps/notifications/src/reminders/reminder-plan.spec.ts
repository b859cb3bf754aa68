import { plannedReminders, reminderId, settingsFor } from './reminder-plan';

const defaults = { confirmation: true, offsetsMinutes: [2880, 120] };
const now = new Date('2026-12-01T09:00:00Z');

describe('reminder plans', () => {
  it('confirms a booking at once and reminds two days and two hours before', () => {
    expect(plannedReminders('booked', new Date('2026-12-10T10:00:00Z'), defaults, now)).toEqual([
      { kind: 'confirmation', dueAt: now },
      { kind: 'reminder-2880', dueAt: new Date('2026-12-08T10:00:00Z') },
      { kind: 'reminder-120', dueAt: new Date('2026-12-10T08:00:00Z') },
    ]);
  });

  it('leaves out a reminder whose time has already passed, and tells of a move instead of confirming', () => {
    expect(plannedReminders('rescheduled', new Date('2026-12-02T10:00:00Z'), defaults, now)).toEqual([
      { kind: 'reschedule', dueAt: now },
      { kind: 'reminder-120', dueAt: new Date('2026-12-02T08:00:00Z') },
    ]);
  });

  it('takes the participant setting over the session kind, and the kind over the organisation', () => {
    const rows = [
      { sessionKind: null, participantId: null, confirmation: true, offsetsMinutes: [60] },
      { sessionKind: 'conference', participantId: null, confirmation: true, offsetsMinutes: [1440] },
      { sessionKind: null, participantId: 'p1', confirmation: false, offsetsMinutes: [30] },
    ];
    expect(settingsFor(rows, 'conference', 'p1', defaults).offsetsMinutes).toEqual([30]);
    expect(settingsFor(rows, 'conference', 'p2', defaults).offsetsMinutes).toEqual([1440]);
    expect(settingsFor(rows, 'preparation', 'p2', defaults).offsetsMinutes).toEqual([60]);
    expect(settingsFor([], 'preparation', 'p2', defaults)).toBe(defaults);
  });

  it('gives one reminder one id, whatever the number of times it is planned', () => {
    const id = reminderId('s', 'p', 'reminder-120', 2);
    expect(id).toBe(reminderId('s', 'p', 'reminder-120', 2));
    expect(id).not.toBe(reminderId('s', 'p', 'reminder-120', 3));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
