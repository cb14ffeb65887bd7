import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { DecryptionError, KeyringConfigError, UnknownKeyError } from './crypto-errors';
import { Keyring } from './keyring';

const KEY_A = randomBytes(32).toString('base64');
const KEY_B = randomBytes(32).toString('base64');
const BILLING_KEY = 'bk_live_6f1c0d0e-billing-key-of-subscriber';
const OWNER = 'pm_0193a5b2-7c1e-7000-8000-000000000001';

// The header parts are text; the others are base64url bytes, so flip a bit of what each holds.
function flipByteOf(token: string, partIndex: number): string {
  const parts = token.split('.');
  const bytes = partIndex < 2 ? Buffer.from(parts[partIndex]!, 'latin1') : Buffer.from(parts[partIndex]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[partIndex] = partIndex < 2 ? bytes.toString('latin1') : bytes.toString('base64url');
  return parts.join('.');
}

describe('Keyring', () => {
  const keyring = Keyring.fromConfig(`a:${KEY_A}`, 'a');

  it('round-trips text, including empty and non-ASCII text', () => {
    for (const plaintext of [BILLING_KEY, '', '국민은행 123-456-789012 홍길동']) {
      expect(keyring.decrypt(keyring.encrypt(plaintext, OWNER), OWNER)).toBe(plaintext);
    }
    expect(keyring.decrypt(keyring.encrypt(BILLING_KEY))).toBe(BILLING_KEY);
  });

  it('writes v1.<kid>.<iv>.<tag>.<ciphertext> with a fresh 12-byte IV each time', () => {
    const first = keyring.encrypt(BILLING_KEY);
    const second = keyring.encrypt(BILLING_KEY);
    const [version, kid, iv, tag, ciphertext] = first.split('.');
    expect([version, kid]).toEqual(['v1', 'a']);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(second).not.toBe(first);
  });

  it('never shows the plaintext in the token, in any encoding', () => {
    const token = keyring.encrypt(BILLING_KEY, OWNER);
    for (const encoding of ['utf8', 'base64', 'base64url', 'hex'] as const) {
      expect(token).not.toContain(Buffer.from(BILLING_KEY).toString(encoding).slice(0, 12));
    }
  });

  it.each([
    [0, 'version'],
    [1, 'key id'],
    [2, 'iv'],
    [3, 'tag'],
    [4, 'ciphertext'],
  ])('detects a flipped byte in part %i (%s)', (partIndex) => {
    const token = keyring.encrypt(BILLING_KEY, OWNER);
    expect(() => keyring.decrypt(flipByteOf(token, partIndex), OWNER)).toThrow();
  });

  it('refuses a token relabelled with another configured key id', () => {
    const both = Keyring.fromConfig(`a:${KEY_A},b:${KEY_B}`, 'a');
    const relabelled = both.encrypt(BILLING_KEY).replace(/^v1\.a\./, 'v1.b.');
    expect(() => both.decrypt(relabelled)).toThrow(DecryptionError);
  });

  it('detects any changed character of the token text', () => {
    const token = keyring.encrypt(BILLING_KEY, OWNER);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    for (let i = 0; i < token.length; i++) {
      const replacement = alphabet[(alphabet.indexOf(token[i]!) + 1) % alphabet.length]!;
      const altered = token.slice(0, i) + replacement + token.slice(i + 1);
      expect(() => keyring.decrypt(altered, OWNER)).toThrow();
    }
    expect(() => keyring.decrypt(token.slice(0, -1), OWNER)).toThrow();
    expect(() => keyring.decrypt(`${token}A`, OWNER)).toThrow();
  });

  it('refuses a token copied to another row (wrong or missing AAD)', () => {
    const token = keyring.encrypt(BILLING_KEY, OWNER);
    expect(() => keyring.decrypt(token, 'pm_someone-else')).toThrow(DecryptionError);
    expect(() => keyring.decrypt(token)).toThrow(DecryptionError);
    expect(() => keyring.decrypt(keyring.encrypt(BILLING_KEY), OWNER)).toThrow(DecryptionError);
  });

  it('names the missing key when a token was sealed with a retired one', () => {
    const retired = Keyring.fromConfig(`old:${KEY_B}`, 'old').encrypt(BILLING_KEY);
    expect(() => keyring.decrypt(retired)).toThrow(UnknownKeyError);
    expect(() => keyring.decrypt(retired)).toThrow(/"old"/);
  });

  it('rotates: old tokens still open, reencrypt moves them to the active key', () => {
    const before = Keyring.fromConfig(`k1:${KEY_A}`, 'k1');
    const oldToken = before.encrypt(BILLING_KEY, OWNER);
    const after = Keyring.fromConfig(`k1:${KEY_A},k2:${KEY_B}`, 'k2');

    expect(after.decrypt(oldToken, OWNER)).toBe(BILLING_KEY);
    expect(after.needsRotation(oldToken)).toBe(true);
    const rotated = after.reencrypt(oldToken, OWNER);

    expect(rotated.split('.')[1]).toBe('k2');
    expect(after.needsRotation(rotated)).toBe(false);
    expect(after.decrypt(rotated, OWNER)).toBe(BILLING_KEY);
    expect(after.reencrypt(rotated, OWNER)).toBe(rotated);
    expect(() => after.reencrypt(oldToken, 'pm_someone-else')).toThrow(DecryptionError);
    // Once k1 is retired only the rotated token still opens.
    const retiredK1 = Keyring.fromConfig(`k2:${KEY_B}`, 'k2');
    expect(retiredK1.decrypt(rotated, OWNER)).toBe(BILLING_KEY);
    expect(() => retiredK1.decrypt(oldToken, OWNER)).toThrow(UnknownKeyError);
  });

  it.each([
    ['', 'a', /no keys/],
    [`a${KEY_A}`, 'a', /not kid:base64key/],
    [`a:${randomBytes(16).toString('base64')}`, 'a', /16 bytes.*exactly 32/],
    [`a:${randomBytes(33).toString('base64')}`, 'a', /33 bytes/],
    [`a:not*base64!`, 'a', /not valid base64/],
    [`a.b:${KEY_A}`, 'a.b', /key id must be/],
    [`a:${KEY_A},a:${KEY_B}`, 'a', /appears twice/],
    [`a:${KEY_A}`, 'b', /active key id "b"/],
  ])('rejects the key spec %#', (spec, active, message) => {
    expect(() => Keyring.fromConfig(spec, active)).toThrow(KeyringConfigError);
    expect(() => Keyring.fromConfig(spec, active)).toThrow(message);
  });

  it('never puts key material in errors or inspection output', () => {
    const short = randomBytes(31).toString('base64');
    expect(() => Keyring.fromConfig(`a:${short}`, 'a')).toThrow(expect.objectContaining({ message: expect.not.stringContaining(short) }));
    const ring = Keyring.fromConfig(`a:${KEY_A}`, 'a');
    expect(inspect(ring, { depth: 5 })).not.toContain(KEY_A);
    expect(JSON.stringify(ring)).not.toContain(KEY_A);
  });

  it('accepts the workspace development key and trims spaces around entries', () => {
    const ring = Keyring.fromConfig(` dev1:ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE= , k2:${Keyring.generateKey()} `, 'dev1');
    expect(ring.keyIds).toEqual(['dev1', 'k2']);
    expect(ring.activeKeyId).toBe('dev1');
  });
});
