import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptionError, KeyringConfigError, UnknownKeyError } from './crypto-errors';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Key ids travel inside dot-separated tokens, so they are kept to a safe alphabet.
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

interface ParsedToken {
  kid: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

// Base64url is decoded leniently by Node; re-encoding rejects any other spelling of the same bytes,
// so every change to a token's text is caught, not only changes the decoder happens to notice.
function strictBase64url(part: string, what: string): Buffer {
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.toString('base64url') !== part) throw new DecryptionError(`malformed ${what}`);
  return bytes;
}

// The header is authenticated too, so the version and key id cannot be swapped unnoticed.
function associatedData(kid: string, aad: string | undefined): Buffer {
  return Buffer.from(`${VERSION}.${kid}\u0000${aad ?? ''}`, 'utf8');
}

/**
 * AES-256-GCM encryption at rest with named keys. Each token carries the id of the key that sealed
 * it, so keys can be rotated: add a new key, make it active, re-encrypt old rows, then retire the old
 * key.
 */
export class Keyring {
  // A private field keeps key bytes out of console.log, util.inspect and JSON.stringify.
  readonly #keys: ReadonlyMap<string, Buffer>;

  private constructor(
    keys: Map<string, Buffer>,
    /** Id of the key new tokens are sealed with. */
    readonly activeKeyId: string,
  ) {
    this.#keys = keys;
  }

  /** Builds a keyring from `kid:base64key[,kid:base64key…]` (each key 32 bytes) and the active key id. */
  static fromConfig(keysSpec: string, activeKeyId: string): Keyring {
    const keys = new Map<string, Buffer>();
    const entries = keysSpec.split(',').map((entry) => entry.trim());
    if (entries.length === 0 || entries.every((entry) => entry === '')) {
      throw new KeyringConfigError('no keys given (expected kid:base64key[,kid:base64key…])');
    }
    entries.forEach((entry, index) => {
      const colon = entry.indexOf(':');
      if (colon < 0) throw new KeyringConfigError(`entry ${index + 1} is not kid:base64key`);
      const kid = entry.slice(0, colon);
      const encoded = entry.slice(colon + 1);
      if (!KEY_ID.test(kid)) {
        throw new KeyringConfigError(`entry ${index + 1}: key id must be 1-32 of A-Z a-z 0-9 _ -`);
      }
      if (keys.has(kid)) throw new KeyringConfigError(`key id "${kid}" appears twice`);
      if (!BASE64.test(encoded)) throw new KeyringConfigError(`key "${kid}" is not valid base64`);
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== KEY_BYTES) {
        throw new KeyringConfigError(`key "${kid}" is ${key.length} bytes; AES-256 needs exactly ${KEY_BYTES}`);
      }
      keys.set(kid, key);
    });
    if (!keys.has(activeKeyId)) {
      throw new KeyringConfigError(`active key id "${activeKeyId}" is not among the configured keys`);
    }
    return new Keyring(keys, activeKeyId);
  }

  /** A fresh random 32-byte key, base64-encoded, for a new `kid:key` entry. */
  static generateKey(): string {
    return randomBytes(KEY_BYTES).toString('base64');
  }

  /** Ids of every configured key. */
  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  /**
   * Seals plaintext with the active key as `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts). Pass
   * the owning row's id as `aad` to bind the token to it: a token copied to another row won't decrypt.
   */
  encrypt(plaintext: string, aad?: string): string {
    const kid = this.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key(kid), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(kid, aad));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((bytes) => bytes.toString('base64url'));
    return [VERSION, kid, ...parts].join('.');
  }

  /** Opens a token with the key it names; throws on an unknown key, tampering, or a different AAD. */
  decrypt(token: string, aad?: string): string {
    const { kid, iv, tag, ciphertext } = this.parse(token);
    const decipher = createDecipheriv(ALGORITHM, this.key(kid), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(kid, aad));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError('the token was altered or belongs to another record (authentication failed)');
    }
  }

  /** Whether the token was sealed with a key other than the active one. */
  needsRotation(token: string): boolean {
    return this.parse(token).kid !== this.activeKeyId;
  }

  /** Re-seals a token under the active key (returned unchanged, once verified, when it already is). */
  reencrypt(token: string, aad?: string): string {
    const plaintext = this.decrypt(token, aad);
    return this.needsRotation(token) ? this.encrypt(plaintext, aad) : token;
  }

  private key(kid: string): Buffer {
    const key = this.#keys.get(kid);
    if (!key) throw new UnknownKeyError(kid);
    return key;
  }

  private parse(token: string): ParsedToken {
    const parts = token.split('.');
    if (parts.length !== 5) throw new DecryptionError('not a v1.<kid>.<iv>.<tag>.<ciphertext> token');
    const [version, kid, iv, tag, ciphertext] = parts as [string, string, string, string, string];
    if (version !== VERSION) throw new DecryptionError(`unsupported token version "${version.slice(0, 8)}"`);
    if (!KEY_ID.test(kid)) throw new DecryptionError('malformed key id');
    const parsed = {
      kid,
      iv: strictBase64url(iv, 'iv'),
      tag: strictBase64url(tag, 'tag'),
      ciphertext: strictBase64url(ciphertext, 'ciphertext'),
    };
    if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) {
      throw new DecryptionError('malformed iv or tag');
    }
    return parsed;
  }
}
