/*
 * Seeds N due subscriptions straight into the databases of a running stack (bench:billing).
 *
 * - toss-sandbox: N billing keys in the shape BillingKeyEntity expects (an approving test card),
 *   issued without the card window (100k through the window would take longer than the run);
 * - user-service: N accounts, N payment methods holding those billing keys sealed exactly as
 *   BillingKeyVault seals them (AES-256-GCM, bound to the row id, digest beside), and N ACTIVE
 *   subscriptions to the demo coffee whose cycle 1 is due today (cycle 0 was billed 14 days ago).
 *
 * Everything of one size goes in with multi-row unnest inserts, the subscriptions last and in one
 * transaction, so a claim never sees half a seed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Keyring } from '@roastery/crypto';
import { uuidv7 } from '@roastery/persistence';
import type { Client } from 'pg';

export interface Coffee {
  catalogItemId: string;
  productId: string;
  partnerId: string;
  optionId: string;
  itemName: string;
  optionLabel: string;
  unitPriceWon: number;
}

export interface SeededSubscription {
  subscriptionId: string;
  accountId: string;
  paymentMethodId: string;
  quantity: number;
  unitPriceWon: number;
}

const CHUNK = 5_000;
// The development keyring every service uses unless ENCRYPTION_KEYS is set (libs/server/config).
const DEV_KEYS = process.env['ENCRYPTION_KEYS'] ?? 'dev1:ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=';
const DEV_KID = process.env['ENCRYPTION_ACTIVE_KEY_ID'] ?? 'dev1';

/** The Seoul calendar date of an instant (what the services call the business date). */
export function seoulDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedSubscriptions(user: Client, sandbox: Client, n: number, coffee: Coffee, today: string, tag: string): Promise<SeededSubscription[]> {
  const keyring = Keyring.fromConfig(DEV_KEYS, DEV_KID);
  const now = new Date();
  const seeded: SeededSubscription[] = [];
  const subscriptionRows: unknown[][] = [];
  for (let start = 0; start < n; start += CHUNK) {
    const size = Math.min(CHUNK, n - start);
    const acc = { id: [] as string[], email: [] as string[], customerKey: [] as string[] };
    const pm = { id: [] as string[], account: [] as string[], enc: [] as string[], digest: [] as string[], customerKey: [] as string[] };
    const billingKeys: string[] = [];
    for (let i = 0; i < size; i++) {
      const index = start + i;
      const accountId = uuidv7();
      const paymentMethodId = uuidv7();
      const customerKey = `cus_${randomBytes(16).toString('hex')}`;
      const billingKey = `${randomBytes(32).toString('base64url')}=`;
      acc.id.push(accountId);
      acc.email.push(`bench-${tag}-${index}@bench.test`);
      acc.customerKey.push(customerKey);
      pm.id.push(paymentMethodId);
      pm.account.push(accountId);
      pm.enc.push(keyring.encrypt(billingKey, paymentMethodId));
      pm.digest.push(createHash('sha256').update(billingKey, 'utf8').digest('hex'));
      pm.customerKey.push(customerKey);
      billingKeys.push(billingKey);
      // Quantities 1–3 so amounts differ (and cross the free-shipping threshold for some).
      const quantity = 1 + (index % 3);
      const subscriptionId = uuidv7();
      seeded.push({ subscriptionId, accountId, paymentMethodId, quantity, unitPriceWon: coffee.unitPriceWon });
      subscriptionRows.push([subscriptionId, accountId, quantity, uuidv7(), paymentMethodId]);
    }
    await sandbox.query(
      `INSERT INTO billing_keys (billing_key, customer_key, card, authenticated_at, outcome, queued_outcomes, deleted_at)
       SELECT k, c, $3::jsonb, $4, 'approve', '[]'::jsonb, NULL FROM unnest($1::text[], $2::text[]) AS t(k, c)`,
      [billingKeys, acc.customerKey, JSON.stringify({ number: '43301234****123*', issuerCode: '61', acquirerCode: '31', company: '현대', cardType: '신용', ownerType: '개인', outcome: 'approve' }), now],
    );
    await user.query(
      `INSERT INTO accounts (id, email, name, password_hash, roles, status, created_at, updated_at, version, toss_customer_key)
       SELECT id, email, '벤치 구독자', 'bench-no-login', '{SUBSCRIBER}', 'ACTIVE', $4, $4, 1, ck FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, email, ck)`,
      [acc.id, acc.email, acc.customerKey, now],
    );
    await user.query(
      `INSERT INTO payment_methods (id, account_id, status, billing_key_enc, billing_key_kid, billing_key_digest, customer_key, card_company, masked_number, card_type, owner_type, is_default, created_at, version)
       SELECT id, account_id, 'ACTIVE', enc, $6, digest, ck, '현대', '43301234****123*', '신용', '개인', true, $7, 1
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS t(id, account_id, enc, digest, ck)`,
      [pm.id, pm.account, pm.enc, pm.digest, pm.customerKey, keyring.activeKeyId, now],
    );
  }
  const shipTo = JSON.stringify({ recipient: '벤치 구독자', phone: '010-0000-0000', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '벤치 101호' });
  await user.query('BEGIN');
  for (let start = 0; start < subscriptionRows.length; start += CHUNK) {
    const rows = subscriptionRows.slice(start, start + CHUNK);
    await user.query(
      `INSERT INTO subscriptions (id, account_id, status, catalog_item_id, product_id, partner_id, option_id, item_name, option_label, quantity, unit_price_won, price_agreed_at,
                                  interval_weeks, anchor_date, next_cycle, next_billing_date, last_cycle_date, paused, address_id, ship_to, payment_method_id,
                                  consecutive_failed_cycles, consent_terms_version, consented_at, created_at, updated_at, version)
       SELECT id, account_id, 'ACTIVE', $6, $7, $8, $9, $10, $11, quantity, $12, $13,
              2, $14::date, 1, $15::date, $14::date, false, address_id, $16::jsonb, payment_method_id,
              0, 'bench-terms-v1', $13, $13, $13, 1
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::uuid[]) AS t(id, account_id, quantity, address_id, payment_method_id)`,
      [
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
        rows.map((r) => r[3]),
        rows.map((r) => r[4]),
        coffee.catalogItemId,
        coffee.productId,
        coffee.partnerId,
        coffee.optionId,
        coffee.itemName,
        coffee.optionLabel,
        coffee.unitPriceWon,
        now,
        addDays(today, -14),
        today,
        shipTo,
      ],
    );
  }
  await user.query('COMMIT');
  // What autovacuum would do shortly after a bulk load: the planner sees the real row counts.
  for (const table of ['accounts', 'payment_methods', 'subscriptions']) await user.query(`VACUUM ANALYZE ${table}`);
  await sandbox.query('VACUUM ANALYZE billing_keys');
  return seeded;
}
