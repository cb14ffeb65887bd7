const won = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An integer amount of won as `₩12,000`. */
export function formatWon(amount: number): string {
  return won.format(amount);
}

/** An ISO timestamp in the reader's locale; empty for null. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '';
}
