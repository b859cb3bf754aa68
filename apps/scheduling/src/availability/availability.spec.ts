import { DateTime } from 'luxon';
import { createTestApp, type TestApp } from '#testing';
import { OFFICE_HOURS, SchedulingFactory } from '../../test/scheduling.factory';
import { SchedulingWorkerModule } from '../scheduling-worker.module';

const MORNINGS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:mornings@test', 'DTSTART;TZID=Europe/London:20260105T090000',
  'DTEND;TZID=Europe/London:20260105T130000', 'RRULE:FREQ=DAILY', 'SUMMARY:Other caseload', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
const EMPTY = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'END:VCALENDAR'].join('\r\n');

describe('availability entered by coordinators', () => {
  let t: TestApp;
  let f: SchedulingFactory;

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule]);
    f = new SchedulingFactory(t, t.token('coordinator', 'org-a'));
    await f.venue({ kind: 'community', label: 'Hub' });
  });

  afterAll(() => t.close());

  const londonHour = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' }).hour;

  it('imports a facilitator\'s busy time from a calendar file, recurring events expanded, and a new import replaces it', async () => {
    const c = await f.case();
    for (const facilitator of c.facilitators) await f.weekly(facilitator, OFFICE_HOURS);
    const session = await f.request(c, 'preparation', [c.harmed]);
    const imported = await f.ok('post', `/people/${c.facilitators[0]}/availability/calendar`, { ics: MORNINGS });
    expect(imported.busyPeriods).toBeGreaterThanOrEqual(89);

    const options = await f.ok<{ start: string }[]>('get', `/sessions/${session}/suggestions?k=20`);
    expect(options.every((o) => londonHour(o.start) >= 13)).toBe(true);

    await f.ok('post', `/people/${c.facilitators[0]}/availability/calendar`, { ics: EMPTY });
    const freed = await f.ok<{ start: string }[]>('get', `/sessions/${session}/suggestions?k=20`);
    expect(freed.some((o) => londonHour(o.start) < 13)).toBe(true);
  });

  it('refuses a file that is not a calendar, and windows that end before they start, naming the field', async () => {
    const c = await f.case();
    const bad = await f.call('post', `/people/${c.facilitators[0]}/availability/calendar`, { ics: 'BEGIN:VCALENDAR\r\nnot really' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'ics', rule: 'isCalendar' })]);
    const backwards = await f.call('put', `/people/${c.harmed}/availability`, { weekly: [{ weekday: 2, start: '20:00', end: '18:00' }] });
    expect(backwards.body.details).toEqual([expect.objectContaining({ field: 'weekly[0].end', rule: 'isAfterStart' })]);
    const exception = await f.call('post', `/people/${c.harmed}/availability/exceptions`, { start: '2027-01-05T10:00:00Z', end: '2027-01-05T09:00:00Z', available: false });
    expect(exception.body.details).toEqual([expect.objectContaining({ field: 'end', rule: 'isAfterStart' })]);
  });
});
