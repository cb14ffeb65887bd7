import { createHash } from 'node:crypto';

/**
 * The 64-bit PostgreSQL advisory-lock key for a name: the first 8 bytes of its SHA-256 as a signed
 * bigint, so unrelated names practically never collide and every instance derives the same key.
 */
export function advisoryKey(name: string): bigint {
  return createHash('sha256').update(name, 'utf8').digest().readBigInt64BE(0);
}
