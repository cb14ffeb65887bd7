import type { ShipTo } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** ACTIVE: billed on schedule. PAUSED: by the subscriber. PAST_DUE: paused after repeated payment failures. CANCELLED: ended. */
export type SubscriptionStatus = 'ACTIVE' | 'PAUSED' | 'PAST_DUE' | 'CANCELLED';

/**
 * A subscription: what is sent, how often, where, and on which card, with its billing schedule in
 * plain columns (see schedule/billing-schedule.rules.ts) and the price the subscriber agreed to.
 */
@Entity('subscriptions')
export class Subscription {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') status: SubscriptionStatus;
  @Column('uuid', { name: 'catalog_item_id' }) catalogItemId: string;
  @Column('uuid', { name: 'product_id' }) productId: string;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('uuid', { name: 'option_id' }) optionId: string;
  @Column('text', { name: 'item_name' }) itemName: string;
  @Column('text', { name: 'option_label' }) optionLabel: string;
  @Column('integer') quantity: number;
  /** The price snapshot charged each cycle; a rise reaches it only with the subscriber's consent. */
  @Column('integer', { name: 'unit_price_won' }) unitPriceWon: number;
  @Column('timestamptz', { name: 'price_agreed_at' }) priceAgreedAt: Date;
  /** A partner's price rise awaiting consent, and the first billing date it may apply to. */
  @Column('integer', { name: 'pending_unit_price_won', nullable: true }) pendingUnitPriceWon: number | null;
  @Column('date', { name: 'pending_price_effective_date', nullable: true }) pendingPriceEffectiveDate: string | null;
  /** When the subscriber agreed to the pending price (it applies from its effective date on). */
  @Column('timestamptz', { name: 'pending_price_consented_at', nullable: true }) pendingPriceConsentedAt: Date | null;
  /** The catalog item version the price snapshot was last compared with; older events are ignored. */
  @Column('integer', { name: 'price_item_version' }) priceItemVersion: number;
  @Column('integer', { name: 'interval_weeks' }) intervalWeeks: number;
  @Column('date', { name: 'anchor_date' }) anchorDate: string;
  @Column('integer', { name: 'next_cycle' }) nextCycle: number;
  @Column('date', { name: 'next_billing_date' }) nextBillingDate: string;
  @Column('date', { name: 'last_cycle_date' }) lastCycleDate: string;
  @Column('boolean') paused: boolean;
  @Column('date', { name: 'pause_until', nullable: true }) pauseUntil: string | null;
  /** SUBSCRIBER, or PRICE_CONSENT when a price rise reached its date without consent. */
  @Column('text', { name: 'pause_reason', nullable: true }) pauseReason: 'SUBSCRIBER' | 'PRICE_CONSENT' | null;
  @Column('uuid', { name: 'address_id' }) addressId: string;
  /** A copy of the address when chosen: boxes go there even if the saved address is later removed. */
  @Column('jsonb', { name: 'ship_to' }) shipTo: ShipTo;
  @Column('uuid', { name: 'payment_method_id' }) paymentMethodId: string;
  /** The order of the cycle being billed now (reserving, charging or in dunning); null between cycles. */
  @Column('uuid', { name: 'open_order_id', nullable: true }) openOrderId: string | null;
  @Column('integer', { name: 'consecutive_failed_cycles' }) consecutiveFailedCycles: number;
  /** Consent to recurring payment: the terms version agreed to, and when. */
  @Column('text', { name: 'consent_terms_version' }) consentTermsVersion: string;
  @Column('timestamptz', { name: 'consented_at' }) consentedAt: Date;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason: string | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  /** The Idempotency-Key of the request that created it, unique per account. */
  @Column('text', { name: 'creation_key', nullable: true }) creationKey: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @VersionColumn() version: number;
}
