import { Temporal } from 'temporal-polyfill';
import { DomainError } from './errors';

/**
 * Norwegian civil time. Flokk's users live in Norway: a decision's date, the year of its case
 * number, a deadline typed as "15:00" and the day a board member's term ends are all read on a
 * Norwegian wall clock, never in UTC (00:30 on 1 January in Oslo is still 31 December in UTC).
 * Temporal knows the time-zone rules, summer time included.
 */
export const OSLO = 'Europe/Oslo';

const inOslo = (at: Date) => Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(OSLO);
const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date in Norway, 'YYYY-MM-DD'. */
export function osloDate(at: Date): string {
  return inOslo(at).toPlainDate().toString();
}

/** The year in Norway, as for a case number ("PS 12/2026"). */
export function osloYear(at: Date): number {
  return inOslo(at).year;
}

/** 'YYYY-MM-DD HH:MM' on a Norwegian wall clock, for lists such as an audit log. */
export function osloDateTime(at: Date): string {
  const z = inOslo(at);
  return `${z.toPlainDate().toString()} ${pad(z.hour)}:${pad(z.minute)}`;
}

/**
 * 'YYYY-MM-DD' and 'HH:MM' (or 'HH:MM:SS') on a Norwegian wall clock, as an instant. A time the
 * clocks skip in spring (02:30 on the last Sunday of March) means the same time after the change
 * (03:30 summer time); a time they show twice in autumn means the first (summer time), as
 * Temporal's 'compatible' disambiguation does. A date or time that does not exist (30 February,
 * 24:00) is refused with INPUT.INVALID.
 */
export function osloToInstant(date: string, time: string): Date {
  let wall: Temporal.PlainDateTime;
  try {
    wall = Temporal.PlainDate.from(date).toPlainDateTime(Temporal.PlainTime.from(time));
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) throw new DomainError('INPUT.INVALID', { reason: 'no such date or time' });
    throw e;
  }
  return new Date(wall.toZonedDateTime(OSLO, { disambiguation: 'compatible' }).epochMilliseconds);
}
