import { randomBytes } from 'node:crypto';

/**
 * UUID v7 (RFC 9562): time-ordered, so primary keys insert at the end of the index and sort by
 * creation. The counter-free variant is enough here: ids made in the same millisecond are still
 * unique through 74 random bits.
 */
export function uuidv7(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
