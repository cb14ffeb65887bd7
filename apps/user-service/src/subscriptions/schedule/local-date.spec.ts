import fc from 'fast-check';
import { addDays, compareDates, daysBetween, fromDayNumber, isLocalDate, laterOf, toDayNumber } from './local-date';

describe('local dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2100-02-29')).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('2027-04-31')).toBe(false);
    expect(isLocalDate('2027-13-01')).toBe(false);
    expect(isLocalDate('2027-1-01')).toBe(false);
    expect(isLocalDate('0000-01-01')).toBe(false);
    expect(isLocalDate(' 2027-01-01')).toBe(false);
    expect(isLocalDate(20270101)).toBe(false);
    expect(() => toDayNumber('2027-02-29')).toThrow(RangeError);
  });

  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(RangeError);
  });

  it('adds days across month ends, leap days and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-31', 28)).toBe('2027-02-28');
    expect(addDays('2028-01-31', 28)).toBe('2028-02-28');
    expect(addDays('2028-02-15', 14)).toBe('2028-02-29');
    expect(addDays('2027-12-25', 7)).toBe('2028-01-01');
    expect(addDays('2028-01-01', -1)).toBe('2027-12-31');
    expect(addDays('2028-12-31', 1)).toBe('2029-01-01');
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
  });

  it('compares dates', () => {
    expect(compareDates('2027-12-31', '2028-01-01')).toBe(-1);
    expect(compareDates('2028-01-01', '2028-01-01')).toBe(0);
    expect(compareDates('2028-03-01', '2028-02-29')).toBe(1);
    expect(laterOf('2028-03-01', '2028-02-29')).toBe('2028-03-01');
    expect(laterOf('2028-02-29', '2028-03-01')).toBe('2028-03-01');
  });

  it('agrees with UTC-midnight Date arithmetic for every day from 1970 to 2200', () => {
    const lastDay = toDayNumber('2200-12-31');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lastDay }), fc.integer({ min: -1000, max: 1000 }), (day, delta) => {
        const date = fromDayNumber(day);
        expect(date).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(day);
        expect(isLocalDate(date)).toBe(true);
        expect(daysBetween(date, addDays(date, delta))).toBe(delta);
      }),
      { numRuns: 2000 },
    );
  });
});
