// Toss speaks Korean Standard Time (UTC+9, no daylight saving), so a fixed offset is exact.
const KST_OFFSET_MS = 9 * 3_600_000;

/** `yyyy-MM-dd'T'HH:mm:ss+09:00`, the format of Toss API timestamps. */
export function formatKst(instant: Date): string {
  return `${kstIso(instant).slice(0, 19)}+09:00`;
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSSSSS` without an offset, the format of webhook `createdAt`. */
export function formatKstWebhook(instant: Date): string {
  return `${kstIso(instant).slice(0, 23)}000`;
}

/** The KST calendar date `yyyy-MM-dd` of an instant. */
export function kstDate(instant: Date): string {
  return kstIso(instant).slice(0, 10);
}

/**
 * Parses Toss's zone-less query times (`yyyy-MM-dd` or `yyyy-MM-dd'T'HH:mm:ss`) as KST; anything
 * with a zone suffix or malformed gives undefined (Toss answers INVALID_DATE).
 */
export function parseKstLocal(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - KST_OFFSET_MS;
  const instant = new Date(utc);
  // Reject dates that rolled over (2024-02-30 becomes March).
  return kstIso(instant).slice(0, 10) === `${y}-${mo}-${d}` ? instant : undefined;
}

function kstIso(instant: Date): string {
  return new Date(instant.getTime() + KST_OFFSET_MS).toISOString();
}
