import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BillingKeyVault } from './billing-key-vault';

/** How a re-encryption pass went. */
export interface RotationReport {
  reencrypted: number;
  activeKeyId: string;
}

/**
 * Re-seals every stored billing key with the active encryption key, in small locked batches so the
 * service can keep running (SKIP LOCKED leaves rows a charge is using for the next batch). Run it
 * after making a new key active and before removing the old one from ENCRYPTION_KEYS.
 */
@Injectable()
export class BillingKeyRotation {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly vault: BillingKeyVault,
  ) {}

  async reencryptAll(batchSize = 200): Promise<RotationReport> {
    let reencrypted = 0;
    for (;;) {
      const done = await this.ds.transaction(async (em) => {
        const rows: { id: string; billing_key_enc: string }[] = await em.query(
          `SELECT id, billing_key_enc FROM payment_methods
            WHERE billing_key_enc IS NOT NULL AND billing_key_kid IS DISTINCT FROM $1
            ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [this.vault.activeKeyId, batchSize],
        );
        for (const row of rows) {
          const sealed = this.vault.reseal(row.id, row.billing_key_enc);
          // A row whose kid column lagged behind its token only needs the column put right.
          await em.query(`UPDATE payment_methods SET billing_key_enc = $2, billing_key_kid = $3 WHERE id = $1`, [
            row.id,
            sealed?.billingKeyEnc ?? row.billing_key_enc,
            this.vault.activeKeyId,
          ]);
        }
        return rows.length;
      });
      reencrypted += done;
      if (done < batchSize) return { reencrypted, activeKeyId: this.vault.activeKeyId };
    }
  }
}
