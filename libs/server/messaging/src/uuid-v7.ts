import { randomBytes } from 'node:crypto';

/**
 * Makes an RFC 9562 version 7 UUID: 48 bits of Unix milliseconds, then random bits. Ids made later
 * sort later, so outbox rows and message ids index well and break created_at ties in order.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
