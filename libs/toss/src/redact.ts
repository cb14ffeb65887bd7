/** Replaces every occurrence of the given secret values (and their URL-encoded forms) in a text. */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.split(form).join('[redacted]');
    }
  }
  return out;
}

/** Shows only the mode of a secret key (`test_sk_…` → `test`), which is all a log or dump may reveal. */
export function keyMode(secretKey: string): 'test' | 'live' | 'unknown' {
  if (secretKey.startsWith('test_')) return 'test';
  if (secretKey.startsWith('live_')) return 'live';
  return 'unknown';
}
