import { addCalendarDays, seoulDate, seoulStartOfDay } from './seoul-date';

describe('seoulDate', () => {
  it.each([
    ['2024-01-01T14:59:59.999Z', '2024-01-01'], // 23:59:59.999 KST
    ['2024-01-01T15:00:00.000Z', '2024-01-02'], // midnight KST, still Jan 1 in UTC
    ['2023-12-31T15:00:00.000Z', '2024-01-01'], // new year in Seoul before UTC
    ['2024-02-28T15:30:00.000Z', '2024-02-29'], // leap day
    ['2024-03-10T00:00:00.000Z', '2024-03-10'], // UTC midnight is 09:00 KST, same date
  ])('maps %s to %s', (instant, expected) => {
    expect(seoulDate(new Date(instant))).toBe(expected);
  });
});

describe('seoulStartOfDay', () => {
  it('is 15:00 UTC of the previous day and round-trips through seoulDate', () => {
    const start = seoulStartOfDay('2024-01-02');
    expect(start.toISOString()).toBe('2024-01-01T15:00:00.000Z');
    expect(seoulDate(start)).toBe('2024-01-02');
    expect(seoulDate(new Date(start.getTime() - 1))).toBe('2024-01-01');
  });

  it('rejects strings that are not calendar dates', () => {
    expect(() => seoulStartOfDay('2024-02-30')).toThrow(RangeError);
    expect(() => seoulStartOfDay('2024-1-2')).toThrow(RangeError);
  });
});

describe('addCalendarDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2024-12-25', 14)).toBe('2025-01-08');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
  });
});
