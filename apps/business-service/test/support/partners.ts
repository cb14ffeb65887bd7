import { type MessageEnvelope, orderBatchPaid, orderBatchPlaced, type orderPaid, type PartnerProductDto, type PayloadOf, productVersionApproved } from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { type TestApp, waitFor } from '@roastery/testing';
import { randomUUID } from 'node:crypto';

/** A member (OWNER) of an active partner, with a token of its roles. */
/** One paid order as user-service announces it to business-service: a batch of one. */
export function paidBatch(order: PayloadOf<typeof orderPaid>, overrides: Partial<MessageEnvelope> = {}): MessageEnvelope<PayloadOf<typeof orderBatchPaid>> {
  return buildEnvelope(orderBatchPaid, { batchId: randomUUID(), orders: [order] }, { source: 'user-service', ...overrides });
}

export interface PartnerUser {
  userId: string;
  partnerId: string;
  token: string;
}

/** A product option on sale, with the ids order lines carry. */
export interface Option {
  id: string;
  productId: string;
  partnerId: string;
}

/**
 * The set-up the partner order, stock and fulfilment specs share: partners written straight into
 * the tables, products approved through admin-service's event, and stock reserved through the order
 * saga's batch. `app` is read on each call, so specs can bind it before beforeAll boots the app.
 */
export function partnerSetup(app: () => TestApp) {
  /** Publishes an event as another service would. */
  const publish = (e: MessageEnvelope) => app().bus.publishRaw(e.type, e);

  /** Waits until the message is in business-service's inbox (handled and committed). */
  const handled = (messageId: string) =>
    waitFor(async () => Number((await app().db.query('SELECT count(*) FROM inbox WHERE message_id = $1', [messageId]))[0].count) > 0, `inbox row for ${messageId}`);

  /** An approved, active partner with one owner. */
  async function partner(): Promise<PartnerUser> {
    const t = app();
    const [userId, applicationId, partnerId] = [randomUUID(), randomUUID(), randomUUID()];
    await t.db.query(
      `INSERT INTO partner_applications (id, applicant_user_id, status, business_name, registration_number, representative, phone, email, payout_bank, payout_account_enc, payout_account_last4, attempt, partner_id, submitted_at, decided_at)
       VALUES ($1, $2, 'APPROVED', 'Hill Roasters', '1208147521', 'Kim', '01012345678', 'kim@hill.kr', 'KB', 'v1.x.y', '4567', 1, $3, now(), now())`,
      [applicationId, userId, partnerId],
    );
    await t.db.query(`INSERT INTO partners (id, application_id, business_name, registration_number, status, payout_bank, payout_account_enc, payout_account_last4, activated_at) VALUES ($1, $2, 'Hill Roasters', '1208147521', 'ACTIVE', 'KB', 'v1.x.y', '4567', now())`, [
      partnerId,
      applicationId,
    ]);
    await t.db.query(`INSERT INTO partner_members (partner_id, user_id, role, joined_at) VALUES ($1, $2, 'OWNER', now())`, [partnerId, userId]);
    return { userId, partnerId, token: await t.issuer!.token({ userId, roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: [partnerId] }) };
  }

  /** Submits a drafted product and applies admin-service's approval of its first version. */
  async function approve(p: PartnerUser, productId: string): Promise<void> {
    const t = app();
    expect((await t.http.post(`/partner/products/${productId}/submit`, undefined, { token: p.token })).status).toBe(200);
    await publish(buildEnvelope(productVersionApproved, { productId, partnerId: p.partnerId, version: 1, catalogItemId: randomUUID(), reviewerId: randomUUID(), autoApproved: false, decidedAt: new Date().toISOString() }));
    await waitFor(async () => (await t.http.get<PartnerProductDto>(`/partner/products/${productId}`, { token: p.token })).body.status === 'APPROVED', 'approval applied');
  }

  /** An approved single-option product (Colombia Huila, filter grind, 31 000 won) with this stock. */
  async function onSale(p: PartnerUser, stock: number, weightGrams = 500): Promise<Option> {
    const res = await app().http.post<PartnerProductDto>(
      '/partner/products',
      { name: 'Colombia Huila', origin: { country: 'Colombia' }, process: 'Washed', roastLevel: 'MEDIUM', tastingNotes: ['caramel'], description: 'Sweet.', imageUrls: [], options: [{ weightGrams, grind: 'FILTER', priceWon: 31_000, stock }] },
      { token: p.token },
    );
    expect(res.status).toBe(201);
    await approve(p, res.body.id);
    return { id: res.body.current.options[0].id, productId: res.body.id, partnerId: p.partnerId };
  }

  /** Places one order of these lines in a batch (order.batch.placed) and returns the stock answer for it. */
  async function reserve(lines: Array<{ option: Option; quantity: number }>): Promise<{ orderId: string; lineIds: string[]; answer: MessageEnvelope }> {
    const orderId = randomUUID();
    const lineIds = lines.map(() => randomUUID());
    const batch = { batchId: randomUUID(), orders: [{ orderId, lines: lines.map((l, i) => ({ lineId: lineIds[i], partnerId: l.option.partnerId, productId: l.option.productId, optionId: l.option.id, quantity: l.quantity })) }], placedAt: new Date().toISOString() };
    await publish(buildEnvelope(orderBatchPlaced, batch));
    const answer = await app().bus.waitForMessage('stock.batch.reserved', (m) => (m.payload as { batchId: string }).batchId === batch.batchId);
    return { orderId, lineIds, answer };
  }

  return { publish, handled, partner, approve, onSale, reserve };
}
