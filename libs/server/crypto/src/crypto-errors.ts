/** Thrown when the configured keyring is unusable; the message never contains key material. */
export class KeyringConfigError extends Error {
  constructor(message: string) {
    super(`Invalid encryption keyring: ${message}`);
    this.name = 'KeyringConfigError';
  }
}

/** Thrown when a token names a key id the keyring does not hold (a key was removed too early). */
export class UnknownKeyError extends Error {
  constructor(public readonly keyId: string) {
    super(`No encryption key with id "${keyId}" is configured`);
    this.name = 'UnknownKeyError';
  }
}

/** Thrown when a token is malformed, was altered, or is bound to a different AAD than the one given. */
export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`Cannot decrypt: ${reason}`);
    this.name = 'DecryptionError';
  }
}
