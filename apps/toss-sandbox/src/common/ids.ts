import { randomBytes, randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A paymentKey in the newer style: a 5-char prefix, the KST timestamp digits, random letters. */
export function newPaymentKey(kstTimestamp: string): string {
  return `tsbox${kstTimestamp.replace(/\D/g, '').slice(0, 14)}${pick(ALNUM, 10)}`;
}

/** A transaction key in the `txrd_…` style seen in real responses. */
export function newTransactionKey(): string {
  return `txrd_${pick(BASE32, 27)}`;
}

/** A billing key shaped like the samples: URL-safe base64 of 32 random bytes plus `=`. */
export function newBillingKey(): string {
  return `${randomBytes(32).toString('base64url')}=`;
}

/** A one-time authKey for the billing-auth redirect. */
export function newAuthKey(): string {
  return `bln_${pick(ALNUM, 36)}`;
}

/** An 8-digit card approval number. */
export function newApproveNo(): string {
  return String(randomInt(100_000_000)).padStart(8, '0');
}

/** A 32-hex trace id for the X-TossPayments-Trace-Id header. */
export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** A webhook transmission id in the `whtrans_…` style. */
export function newTransmissionId(): string {
  return `whtrans_${pick(BASE32, 26)}`;
}
