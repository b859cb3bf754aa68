import { busyFromCalendar, CalendarError } from './calendar-import';

const ICS = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//EN
BEGIN:VEVENT
UID:weekly@test
DTSTART;TZID=Europe/London:20261020T100000
DTEND;TZID=Europe/London:20261020T120000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;TZID=Europe/London:20261103T100000
SUMMARY:Team meeting
END:VEVENT
BEGIN:VEVENT
UID:weekly@test
RECURRENCE-ID;TZID=Europe/London:20261027T100000
DTSTART;TZID=Europe/London:20261027T140000
DTEND;TZID=Europe/London:20261027T160000
END:VEVENT
BEGIN:VEVENT
UID:holiday@test
DTSTART;VALUE=DATE:20261105
DTEND;VALUE=DATE:20261106
END:VEVENT
BEGIN:VEVENT
UID:free@test
DTSTART:20261106T090000Z
DTEND:20261106T100000Z
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:cancelled@test
DTSTART:20261107T090000Z
DTEND:20261107T100000Z
STATUS:CANCELLED
END:VEVENT
BEGIN:VEVENT
UID:utc@test
DTSTART:20261112T150000Z
DTEND:20261112T160000Z
END:VEVENT
BEGIN:VEVENT
UID:windows@test
DTSTART;TZID=GMT Standard Time:20261113T090000
DTEND;TZID=GMT Standard Time:20261113T093000
END:VEVENT
END:VCALENDAR`;

const utc = (text: string) => Date.parse(text);

describe('busy time from an iCalendar file', () => {
  it('expands recurring events in their zone across the clock change, with exclusions, moved occurrences and all-day events', () => {
    const spans = busyFromCalendar(ICS, 'Europe/London', utc('2026-10-01T00:00:00Z'), utc('2026-12-01T00:00:00Z'));
    expect(spans.map(([s, e]) => [new Date(s).toISOString(), new Date(e).toISOString()])).toEqual([
      ['2026-10-20T09:00:00.000Z', '2026-10-20T11:00:00.000Z'],
      ['2026-10-27T14:00:00.000Z', '2026-10-27T16:00:00.000Z'],
      ['2026-11-05T00:00:00.000Z', '2026-11-06T00:00:00.000Z'],
      ['2026-11-10T10:00:00.000Z', '2026-11-10T12:00:00.000Z'],
      ['2026-11-12T15:00:00.000Z', '2026-11-12T16:00:00.000Z'],
      ['2026-11-13T09:00:00.000Z', '2026-11-13T09:30:00.000Z'],
    ]);
  });

  it('clips to the range asked for, and refuses what is not a calendar or repeats without end', () => {
    const spans = busyFromCalendar(ICS, 'Europe/London', utc('2026-10-20T10:00:00Z'), utc('2026-10-28T00:00:00Z'));
    expect(spans).toEqual([[utc('2026-10-20T10:00:00Z'), utc('2026-10-20T11:00:00Z')], [utc('2026-10-27T14:00:00Z'), utc('2026-10-27T16:00:00Z')]]);
    expect(() => busyFromCalendar('hello', 'Europe/London', 0, 1)).toThrow(CalendarError);
    const endless = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x', 'DTSTART:20261001T000000Z', 'DTEND:20261001T000100Z', 'RRULE:FREQ=MINUTELY', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    expect(() => busyFromCalendar(endless, 'Europe/London', utc('2026-10-01T00:00:00Z'), utc('2027-12-01T00:00:00Z'))).toThrow('repeats more than 5000 times in the period');
  });
});
