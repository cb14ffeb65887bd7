import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Keyring } from '@roastery/crypto';

/** A billing key sealed for storage. */
export interface SealedBillingKey {
  billingKeyEnc: string;
  billingKeyKid: string;
}

/**
 * Seals billing keys with AES-256-GCM, bound to their payment method's id (a token copied onto
 * another row will not open), and names the key that sealed them so keys can rotate.
 */
@Injectable()
export class BillingKeyVault {
  constructor(private readonly keyring: Keyring) {}

  seal(paymentMethodId: string, billingKey: string): SealedBillingKey {
    return { billingKeyEnc: this.keyring.encrypt(billingKey, paymentMethodId), billingKeyKid: this.keyring.activeKeyId };
  }

  open(paymentMethodId: string, billingKeyEnc: string): string {
    return this.keyring.decrypt(billingKeyEnc, paymentMethodId);
  }

  /** Re-seals with the active key; null when the token already uses it. */
  reseal(paymentMethodId: string, billingKeyEnc: string): SealedBillingKey | null {
    if (!this.keyring.needsRotation(billingKeyEnc)) return null;
    return { billingKeyEnc: this.keyring.reencrypt(billingKeyEnc, paymentMethodId), billingKeyKid: this.keyring.activeKeyId };
  }

  get activeKeyId(): string {
    return this.keyring.activeKeyId;
  }

  /** A one-way digest: finds the row of a billing key (a retried registration, a webhook) without decrypting every row. */
  static digest(billingKey: string): string {
    return createHash('sha256').update(billingKey, 'utf8').digest('hex');
  }
}
