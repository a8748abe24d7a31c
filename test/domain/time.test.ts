import { DomainError } from '../../src/domain/errors';
import { osloDate, osloDateTime, osloToInstant, osloYear } from '../../src/domain/time';

const at = (iso: string) => new Date(iso);
const instant = (date: string, time: string) => osloToInstant(date, time).toISOString();

describe('Norwegian civil time', () => {
  it('gives the date, year and wall-clock time in Norway, not in UTC', () => {
    expect(osloDate(at('2026-03-10T09:00:00Z'))).toBe('2026-03-10');
    expect(osloDateTime(at('2026-03-10T09:00:00Z'))).toBe('2026-03-10 10:00');
    expect(osloDateTime(at('2026-06-15T09:05:59Z'))).toBe('2026-06-15 11:05');
  });

  it('puts 00:30 on 1 January in Oslo in the new year, though it is still 31 December in UTC', () => {
    const newYear = at('2025-12-31T23:30:00Z');
    expect(osloDate(newYear)).toBe('2026-01-01');
    expect(osloYear(newYear)).toBe(2026);
    expect(osloDateTime(newYear)).toBe('2026-01-01 00:30');
    expect(osloYear(at('2025-12-31T22:59:59.999Z'))).toBe(2025);
    expect(instant('2026-01-01', '00:30')).toBe('2025-12-31T23:30:00.000Z');
  });

  it('turns the date at midnight in Oslo: 23:00 UTC in winter, 22:00 UTC in summer', () => {
    expect(osloDate(at('2026-02-10T22:59:59.999Z'))).toBe('2026-02-10');
    expect(osloDate(at('2026-02-10T23:00:00Z'))).toBe('2026-02-11');
    expect(osloDate(at('2026-02-10T23:30:00Z'))).toBe('2026-02-11');
    expect(osloDate(at('2026-07-01T21:59:59.999Z'))).toBe('2026-07-01');
    expect(osloDate(at('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(osloDate(at('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
  });

  describe('on 29 March 2026, when the clocks go forward from 02:00 to 03:00', () => {
    it('reads the instants around the change', () => {
      expect(osloDate(at('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
      expect(osloDate(at('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
      expect(osloDateTime(at('2026-03-29T00:59:00Z'))).toBe('2026-03-29 01:59');
      expect(osloDateTime(at('2026-03-29T01:00:00Z'))).toBe('2026-03-29 03:00');
      // The day is 23 hours long: it ends at 22:00 UTC.
      expect(osloDateTime(at('2026-03-29T21:59:00Z'))).toBe('2026-03-29 23:59');
      expect(osloDate(at('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    });

    it('reads a wall time before, in and after the skipped hour', () => {
      expect(instant('2026-03-29', '00:00')).toBe('2026-03-28T23:00:00.000Z');
      expect(instant('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
      // 02:30 never happens that night; it means 03:30 summer time, as Temporal's 'compatible' does.
      expect(instant('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
      expect(instant('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
      expect(instant('2026-03-29', '12:00')).toBe('2026-03-29T10:00:00.000Z');
    });
  });

  describe('on 25 October 2026, when the clocks go back from 03:00 to 02:00', () => {
    it('reads the instants around the change', () => {
      expect(osloDate(at('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
      expect(osloDate(at('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
      // 02:30 comes twice, an hour apart.
      expect(osloDateTime(at('2026-10-25T00:30:00Z'))).toBe('2026-10-25 02:30');
      expect(osloDateTime(at('2026-10-25T01:30:00Z'))).toBe('2026-10-25 02:30');
      // The day is 25 hours long: it ends at 23:00 UTC.
      expect(osloDateTime(at('2026-10-25T22:59:00Z'))).toBe('2026-10-25 23:59');
      expect(osloDate(at('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
    });

    it('reads a wall time before, in and after the repeated hour', () => {
      expect(instant('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
      // 02:30 happens twice that night; it means the first, still summer time.
      expect(instant('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
      expect(instant('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
      expect(instant('2026-10-25', '12:00')).toBe('2026-10-25T11:00:00.000Z');
    });
  });

  it('takes seconds when they are given', () => {
    expect(instant('2026-06-15', '12:00:30')).toBe('2026-06-15T10:00:30.000Z');
  });

  it('gives back the wall time it was given: every hour of a year, every five minutes of the change-over nights', () => {
    const every = (from: string, to: string, minutes: number) => {
      const ts: number[] = [];
      for (let t = Date.parse(from); t < Date.parse(to); t += minutes * 60_000) ts.push(t);
      return ts;
    };
    const instants = [
      ...every('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 60),
      ...every('2026-03-28T22:00:00Z', '2026-03-29T04:00:00Z', 5),
      ...every('2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z', 5),
    ];
    const misses = instants
      .map((t) => osloDateTime(new Date(t)))
      .filter((wall) => {
        const [date, time] = wall.split(' ') as [string, string];
        return osloDateTime(osloToInstant(date, time)) !== wall;
      });
    expect(misses).toEqual([]);
  });

  it('refuses a date or a time that does not exist', () => {
    for (const [date, time] of [
      ['2026-02-30', '12:00'],
      ['2026-13-01', '12:00'],
      ['2026-06-15', '24:00'],
      ['2026-06-15', '12:60'],
      ['in a week', '12:00'],
    ] as const) {
      const refused = (() => {
        try {
          osloToInstant(date, time);
          return undefined;
        } catch (e) {
          return e;
        }
      })();
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('INPUT.INVALID');
    }
  });
});
