/**
 * The `Idempotency-Key` of a card registration, derived from the window's authKey: the same
 * authKey always yields the same key, so a repeated post (a re-render, a retried request, a second
 * tab on the same callback URL) is answered with the first result. FNV-1a over two seeds (64 bits),
 * synchronous so it works where `crypto.subtle` does not (plain-http origins, jsdom).
 */
export function registrationIdempotencyKey(authKey: string): string {
  return `card-registration-${fnv1a(authKey, 0x811c9dc5)}${fnv1a(authKey, 0x01000193 ^ 0x5bd1e995)}`;
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
