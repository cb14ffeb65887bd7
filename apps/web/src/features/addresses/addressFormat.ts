/** `01012345678` → `010-1234-5678`, `0212345678` → `02-1234-5678`; anything else as stored. */
export function formatPhone(digits: string): string {
  if (/^02\d{7,8}$/.test(digits)) return `02-${digits.slice(2, -4)}-${digits.slice(-4)}`;
  if (/^0\d{9,10}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, -4)}-${digits.slice(-4)}`;
  return digits;
}
