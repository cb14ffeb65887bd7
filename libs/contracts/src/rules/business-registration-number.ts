/**
 * Korean business registration number (사업자등록번호) check: ten digits, the last one a check
 * digit. Weights 1,3,7,1,3,7,1,3,5 over the first nine; the ninth digit × 5 also adds its tens.
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

export function isValidBusinessRegistrationNumber(input: string): boolean {
  const digits = input.replace(/-/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += d[i] * WEIGHTS[i];
  sum += Math.floor((d[8] * 5) / 10);
  const check = (10 - (sum % 10)) % 10;
  return check === d[9];
}

/** Formats ten digits as 000-00-00000, the way it is printed on certificates. */
export function formatBusinessRegistrationNumber(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}
