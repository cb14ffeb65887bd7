import { randomUUID } from 'node:crypto';
import type { MessageEnvelope } from './envelope';
import { isValidBusinessRegistrationNumber } from './rules/business-registration-number';
import { type EventDefinition, eventCatalogue, type PayloadOf } from './events';

/** Builds a well-formed envelope around a payload, as a producer's outbox would. */
export function buildEnvelope<D extends EventDefinition>(def: D, payload: PayloadOf<D>, overrides: Partial<MessageEnvelope> = {}): MessageEnvelope<PayloadOf<D>> {
  return {
    id: randomUUID(),
    type: def.type,
    schemaVersion: def.schemaVersion,
    occurredAt: new Date().toISOString(),
    source: 'test',
    correlationId: randomUUID(),
    causationId: null,
    aggregateId: randomUUID(),
    aggregateVersion: 1,
    ...overrides,
    payload,
  };
}

const at = '2026-11-21T09:00:00.000Z';
const u = (n: number) => `01a1fd60-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** A complete product version, shaped as partners submit it. */
export const exampleVersionContent = {
  name: 'Ethiopia Yirgacheffe Konga',
  origin: { country: 'Ethiopia', region: 'Yirgacheffe' },
  producer: 'Konga Washing Station',
  lot: 'Lot 7',
  variety: 'Heirloom',
  process: 'Washed',
  roastLevel: 'LIGHT' as const,
  tastingNotes: ['jasmine', 'bergamot', 'peach'],
  description: '꽃향과 밝은 산미. Floral and bright.',
  imageUrls: ['https://images.example.com/konga.jpg'],
  options: [
    { id: u(11), weightGrams: 200, grind: 'WHOLE_BEAN' as const, priceWon: 18_000 },
    { id: u(12), weightGrams: 500, grind: 'FILTER' as const, priceWon: 39_000 },
  ],
};

/** One valid example payload per event type; the spec checks each against its schema. */
export const examplePayloads: { [K in (typeof eventCatalogue)[number]['type']]: unknown } = {
  'user.registered': { userId: u(1), registeredAt: at },
  'user.deleted': { userId: u(1), deletedAt: at },
  'partner.application.submitted': {
    applicationId: u(2),
    applicantUserId: u(1),
    businessName: 'Bean Brothers Roastery',
    registrationNumber: '1208147521',
    representative: '이서준',
    phone: '01012345678',
    email: 'owner@beanbros.kr',
    payoutBank: 'KB국민은행',
    payoutAccountLast4: '9012',
    attempt: 1,
    submittedAt: at,
  },
  'partner.application.approved': { applicationId: u(2), applicantUserId: u(1), reviewerId: u(9), decidedAt: at },
  'partner.application.rejected': { applicationId: u(2), applicantUserId: u(1), reviewerId: u(9), reason: 'certificate unreadable', decidedAt: at },
  'partner.activated': { partnerId: u(3), applicationId: u(2), memberUserId: u(1), businessName: 'Bean Brothers Roastery', activatedAt: at },
  'partner.suspended': { partnerId: u(3), reason: 'mislabelled origins', adminId: u(9), suspendedAt: at },
  'partner.reinstated': { partnerId: u(3), reason: 'labels corrected', adminId: u(9), reinstatedAt: at },
  'product.version.submitted': { productId: u(4), partnerId: u(3), version: 1, content: exampleVersionContent, previousApproved: null, submittedAt: at },
  'product.version.approved': { productId: u(4), partnerId: u(3), version: 1, catalogItemId: u(5), reviewerId: u(9), autoApproved: false, decidedAt: at },
  'product.version.rejected': { productId: u(4), partnerId: u(3), version: 1, reason: 'price per 100 g looks wrong', reviewerId: u(9), decidedAt: at },
  'product.merged': { sourceProductId: u(6), sourceVersion: 1, targetProductId: u(4), partnerId: u(3), catalogItemId: u(5), reviewerId: u(9), decidedAt: at },
  'product.withdrawn': { productId: u(4), partnerId: u(3), withdrawnAt: at },
  'product.stock.changed': { productId: u(4), partnerId: u(3), optionId: u(11), stock: 40, stockVersion: 3, changedAt: at },
  'catalog.item.published': {
    catalogItemId: u(5),
    itemVersion: 1,
    productId: u(4),
    productVersion: 1,
    partner: { id: u(3), name: 'Bean Brothers Roastery' },
    content: exampleVersionContent,
    lotKey: 'ethiopia|konga washing station|lot 7',
    publishedAt: at,
  },
  'order.paid': {
    orderId: u(20),
    userId: u(1),
    subscriptionId: u(30),
    lines: [{ lineId: u(21), catalogItemId: u(5), productId: u(4), optionId: u(11), partnerId: u(3), productName: 'Ethiopia Yirgacheffe Konga', optionLabel: '200 g · whole bean', quantity: 2, unitPriceWon: 18_000 }],
    shippingFees: [{ partnerId: u(3), feeWon: 0 }],
    totalWon: 36_000,
    shipTo: { recipient: '김하늘', phone: '01012345678', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' },
    paidAt: at,
  },
  'order.batch.paid': { batchId: u(41), orders: [{
    orderId: u(20),
    userId: u(1),
    subscriptionId: u(30),
    lines: [{ lineId: u(21), catalogItemId: u(5), productId: u(4), optionId: u(11), partnerId: u(3), productName: 'Ethiopia Yirgacheffe Konga', optionLabel: '200 g · whole bean', quantity: 2, unitPriceWon: 18_000 }],
    shippingFees: [{ partnerId: u(3), feeWon: 0 }],
    totalWon: 36_000,
    shipTo: { recipient: '김하늘', phone: '01012345678', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' },
    paidAt: at,
  }] },
  'order.batch.placed': {
    batchId: u(40),
    orders: [{ orderId: u(20), lines: [{ lineId: u(21), partnerId: u(3), productId: u(4), optionId: u(11), quantity: 2 }] }],
    placedAt: at,
  },
  'stock.batch.reserved': {
    batchId: u(40),
    results: [
      { orderId: u(20), outcome: 'RESERVED' },
      { orderId: u(22), outcome: 'REFUSED', reason: 'OUT_OF_STOCK', lines: [{ optionId: u(12), requested: 3, available: 1 }] },
    ],
    decidedAt: at,
  },
  'order.voided': { orderId: u(20), reason: 'PAYMENT_FAILED', voidedAt: at },
  'fulfilment.status.changed': { orderId: u(20), partnerOrderId: u(50), partnerId: u(3), userId: u(1), status: 'SHIPPED', version: 3, carrier: 'CJ대한통운', trackingNumber: '612345678901', changedAt: at },
  'order.cancellation.requested': { orderId: u(20), requestId: u(51), userId: u(1), reason: '주소를 잘못 입력했어요', requestedAt: at },
  'order.cancellation.decided': { orderId: u(20), requestId: u(51), outcome: 'CANCELLED', reason: null, decidedAt: at },
  'order.return.requested': { orderId: u(20), requestId: u(52), userId: u(1), reason: '원두가 파손되어 왔어요', requestedAt: at },
  'order.purchase.confirmed': { orderId: u(20), userId: u(1), automatic: false, confirmedAt: at },
  'refund.requested': { refundId: u(53), orderId: u(20), amountWon: 5000, reason: '배송 지연 보상', requestedBy: { role: 'ADMIN', userId: u(9), partnerId: null }, requestedAt: at },
  'refund.completed': {
    refundId: u(53),
    orderId: u(20),
    userId: u(1),
    paymentKey: 'tviva20261121000000abcd1',
    amountWon: 5000,
    lines: [{ lineId: u(21), partnerId: u(3), amountWon: 5000 }],
    shippingWon: 0,
    balanceWon: 31_000,
    reason: '배송 지연 보상',
    requestedBy: { role: 'ADMIN', userId: u(9), partnerId: null },
    completedAt: at,
  },
  'refund.refused': { refundId: u(53), orderId: u(20), code: 'ABOVE_BALANCE', message: 'only 31,000 won is left to refund', refusedAt: at },
  'catalog.item.withdrawn': { catalogItemId: u(5), itemVersion: 2, productId: u(4), reason: 'PRODUCT_WITHDRAWN', withdrawnAt: at },
  'billing.run.requested': { runId: u(50), requestedBy: u(9), requestedAt: at },
  'billing.run.progressed': {
    runId: u(50),
    status: 'RUNNING',
    sequence: 1,
    businessDate: '2026-11-21',
    counts: { claimed: 500, ordersPlaced: 480, charged: 300, declined: 12, skippedForStock: 20, pending: 168 },
    startedAt: at,
    finishedAt: null,
    error: null,
  },
};

/** A random business registration number with a correct check digit, unique enough per test. */
export function randomRegistrationNumber(): string {
  for (;;) {
    const first9 = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
    for (let check = 0; check <= 9; check++) {
      if (isValidBusinessRegistrationNumber(first9 + check)) return first9 + check;
    }
  }
}
