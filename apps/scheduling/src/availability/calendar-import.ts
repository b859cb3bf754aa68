import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import type { Span } from '../venues/weekly-hours';
import { union } from '../venues/weekly-hours';

/** A calendar that cannot be read, or that would expand without end. */
export class CalendarError extends Error {}

/** Occurrences expanded in one file at most: a daily event for ten years, and then some. */
const MAX_OCCURRENCES = 5000;

/**
 * The busy time in an iCalendar file between two instants: every event that is not marked
 * free (TRANSP:TRANSPARENT) or cancelled, recurring ones expanded (RRULE, RDATE, EXDATE and
 * moved occurrences). Wall-clock times are read in their TZID when it is an IANA zone and
 * otherwise (floating times, all-day events, Windows zone names) in the person's own zone.
 */
export function busyFromCalendar(text: string, timeZone: string, from: number, to: number): Span[] {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    throw new CalendarError(`not an iCalendar file: ${(error as Error).message}`);
  }
  const events = calendar.getAllSubcomponents('vevent');
  const masters = new Map<string, ICAL.Event>();
  for (const component of events.filter((c) => !c.hasProperty('recurrence-id'))) {
    const event = new ICAL.Event(component);
    masters.set(event.uid, event);
  }
  const singles: ICAL.Event[] = [];
  for (const component of events.filter((c) => c.hasProperty('recurrence-id'))) {
    const master = masters.get(String(component.getFirstPropertyValue('uid')));
    if (master) master.relateException(component);
    else singles.push(new ICAL.Event(component));
  }
  const spans: Span[] = [];
  let expanded = 0;
  for (const event of [...masters.values(), ...singles]) {
    if (!event.isRecurring()) {
      const span = spanOf(event, event.startDate, event.endDate, timeZone);
      if (busy(event) && overlaps(span, from, to)) spans.push(span);
      continue;
    }
    const occurrences = event.iterator();
    for (let next = occurrences.next(); next; next = occurrences.next()) {
      expanded += 1;
      if (expanded > MAX_OCCURRENCES) throw new CalendarError(`the calendar repeats more than ${MAX_OCCURRENCES} times in the period (event ${event.uid})`);
      const details = event.getOccurrenceDetails(next);
      const span = spanOf(details.item, details.startDate, details.endDate, timeZone);
      if (span[0] >= to) break;
      if (busy(details.item) && overlaps(span, from, to)) spans.push(span);
    }
  }
  return union(spans.map(([s, e]): Span => [Math.max(s, from), Math.min(e, to)]));
}

function busy(event: ICAL.Event): boolean {
  const transparency = String(event.component.getFirstPropertyValue('transp') ?? 'OPAQUE').toUpperCase();
  const status = String(event.component.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transparency !== 'TRANSPARENT' && status !== 'CANCELLED';
}

function overlaps([start, end]: Span, from: number, to: number): boolean {
  return end > from && start < to;
}

function spanOf(event: ICAL.Event, start: ICAL.Time, end: ICAL.Time, fallbackZone: string): Span {
  const zone = zoneOf(event.component.getFirstProperty('dtstart'), fallbackZone);
  const begins = instantOf(start, zone);
  return [begins, Math.max(begins, instantOf(end, zone))];
}

function zoneOf(property: ICAL.Property | null, fallbackZone: string): string {
  const tzid = property?.getParameter('tzid');
  return typeof tzid === 'string' && IANAZone.isValidZone(tzid) ? tzid : fallbackZone;
}

function instantOf(time: ICAL.Time, zone: string): number {
  if (time.zone?.tzid === 'UTC') return time.toUnixTime() * 1000;
  const { year, month, day } = time;
  const wallClock = time.isDate ? { year, month, day } : { year, month, day, hour: time.hour, minute: time.minute, second: time.second };
  return DateTime.fromObject(wallClock, { zone }).toMillis();
}
