/*
 * Calendar dates in Asia/Seoul, where billing dates and business days are counted. A calendar date
 * is a plain `YYYY-MM-DD` string so it cannot be confused with an instant.
 */

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building an Intl formatter is slow; one is enough for the process.
const seoulFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Seoul calendar date (YYYY-MM-DD) of an instant. */
export function seoulDate(d: Date): string {
  const parts: Record<string, string> = {};
  for (const part of seoulFormatter.formatToParts(d)) parts[part.type] = part.value;
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

function parseYmd(ymd: string): [number, number, number] {
  const match = YMD.exec(ymd);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (!match || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${ymd}`);
  }
  return [y, m, d];
}

/** The instant a Seoul calendar date begins (00:00 KST); Korea has kept UTC+9 without DST since 1988. */
export function seoulStartOfDay(ymd: string): Date {
  const [y, m, d] = parseYmd(ymd);
  return new Date(Date.UTC(y, m - 1, d) - SEOUL_OFFSET_MS);
}

/** The calendar date `days` days after (or before, when negative) the given one. */
export function addCalendarDays(ymd: string, days: number): string {
  const [y, m, d] = parseYmd(ymd);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
