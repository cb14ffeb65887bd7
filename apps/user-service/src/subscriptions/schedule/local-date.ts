/*
 * Calendar-date arithmetic for billing dates, on day numbers (days since 1970-01-01) computed
 * with integer civil-calendar formulas (H. Hinnant's days_from_civil), so no time zone, DST or
 * Date quirk can shift a date. "Today" is the Asia/Seoul date of the clock: `seoulDate(clock.now())`
 * from @roastery/clock.
 */

/** A calendar date in Asia/Seoul, written `YYYY-MM-DD` (years 0001–9999). */
export type LocalDate = string;

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function parts(value: unknown): [number, number, number] | null {
  if (typeof value !== 'string') return null;
  const match = YMD.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return [y, m, d];
}

/** Whether a value is a real calendar date written `YYYY-MM-DD` (2027-02-29 is not). */
export function isLocalDate(value: unknown): value is LocalDate {
  return parts(value) !== null;
}

/** The number of days from 1970-01-01 to the date (negative before it); throws RangeError on a non-date. */
export function toDayNumber(date: LocalDate): number {
  const p = parts(date);
  if (!p) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const [year, m, d] = p;
  const y = m <= 2 ? year - 1 : year; // count the year from March, so February's length comes last
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date of a day number (the inverse of toDayNumber); throws RangeError outside years 0001–9999. */
export function fromDayNumber(day: number): LocalDate {
  if (!Number.isSafeInteger(day)) throw new RangeError(`Not a day number: ${day}`);
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1 || y > 9999) throw new RangeError(`Date out of range (years 0001–9999): day ${day}`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** How many days `to` is after `from` (negative when it is before). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1 as `a` is before, the same as or after `b`. */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const diff = toDayNumber(a) - toDayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** The later of two dates. */
export function laterOf(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}
