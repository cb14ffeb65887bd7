import { randomUUID } from 'node:crypto';
import { catalogItemPublished, type MessageEnvelope, orderBatchPlaced, type PayloadOf, stockBatchReserved } from '@roastery/contracts';
import { buildEnvelope, examplePayloads, exampleVersionContent } from '@roastery/contracts/testing';
import { type Clock, CLOCK, SharedClock } from '@roastery/clock';
import { fillBillingAuthWindow, type TestApp, waitFor } from '@roastery/testing';
import { BillingEngine } from '../../src/billing/billing-engine';
import { ChargeWorkerLoop } from '../../src/billing/charge-worker.loop';

type Published = PayloadOf<typeof catalogItemPublished>;

/**
 * What a subscriber does and what business-service would answer, for user-service's own tests.
 * The system tests run the real business-service; here its stock answers are scripted so refusals
 * can be chosen.
 */
export class BillingHarness {
  /** Option ids business-service should refuse (out of stock) from now on. */
  readonly soldOut = new Set<string>();
  /** While true, stock requests go unanswered (as if business-service dead-lettered them). */
  unanswered = false;
  readonly #answered = new Set<string>();
  readonly #published = new Map<string, Published>();
  #timer: NodeJS.Timeout | null = null;

  constructor(private readonly t: TestApp) {}

  /** Answers every order.batch.placed as business-service would (RESERVED unless sold out). */
  startStockResponder(): void {
    const tick = async () => {
      for (const m of this.t.bus.received.filter((x) => x.type === orderBatchPlaced.type && !this.#answered.has(x.id))) {
        this.#answered.add(m.id);
        if (this.unanswered) continue;
        await this.answer(m as MessageEnvelope<PayloadOf<typeof orderBatchPlaced>>);
      }
      this.#timer = setTimeout(() => void tick(), 20);
    };
    void tick();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
  }

  private async answer(m: MessageEnvelope<PayloadOf<typeof orderBatchPlaced>>): Promise<void> {
    const results = m.payload.orders.map((o) => {
      const short = o.lines.filter((l) => this.soldOut.has(l.optionId));
      return short.length === 0
        ? { orderId: o.orderId, outcome: 'RESERVED' as const }
        : { orderId: o.orderId, outcome: 'REFUSED' as const, reason: 'OUT_OF_STOCK' as const, lines: short.map((l) => ({ optionId: l.optionId, requested: l.quantity, available: 0 })) };
    });
    await this.t.bus.publishRaw(stockBatchReserved.type, buildEnvelope(stockBatchReserved, { batchId: m.payload.batchId, results, decidedAt: new Date().toISOString() }, { source: 'business-service' }));
  }

  /** A coffee on sale, as admin-service publishes it. */
  async publishCoffee(priceWon = 18_000): Promise<{ itemId: string; optionId: string; partnerId: string }> {
    const optionId = randomUUID();
    const partnerId = randomUUID();
    const base = examplePayloads['catalog.item.published'] as Published;
    const payload: Published = {
      ...base,
      catalogItemId: randomUUID(),
      productId: randomUUID(),
      partner: { id: partnerId, name: 'Bean Brothers Roastery' },
      content: { ...exampleVersionContent, options: [{ id: optionId, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon }] },
      lotKey: `lot|${randomUUID()}`,
      publishedAt: new Date().toISOString(),
    };
    await this.publish(payload);
    return { itemId: payload.catalogItemId, optionId, partnerId };
  }

  /** A new version of a coffee with its options at a new price (a partner's approved edit). */
  async reprice(itemId: string, priceWon: number): Promise<void> {
    const last = this.#published.get(itemId)!;
    await this.publish({ ...last, itemVersion: last.itemVersion + 1, content: { ...last.content, options: last.content.options.map((o) => ({ ...o, priceWon })) } });
  }

  private async publish(payload: Published): Promise<void> {
    this.#published.set(payload.catalogItemId, payload);
    const env = buildEnvelope(catalogItemPublished, payload, { source: 'admin-service' });
    await this.t.bus.publishRaw(catalogItemPublished.type, env);
    await waitFor(
      async () => Number((await this.t.db.query(`SELECT count(*) FROM inbox WHERE message_id = $1`, [env.id]))[0].count) >= 3,
      'coffee applied to the read model and subscriptions',
    );
  }

  /** A signed-in subscriber with an address and a card (the sandbox window filled in with `cardNumber`). */
  async subscriber(tag: string, cardNumber?: string): Promise<{ id: string; token: string; addressId: string; cardId: string }> {
    const email = `${tag}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const signup = await this.t.http.post('/api/auth/signup', { email, password: 'correct horse battery staple', name: '김하늘' });
    const token = (await this.t.http.post('/api/auth/login', { email, password: 'correct horse battery staple' })).body.accessToken as string;
    const address = await this.t.http.post('/api/me/addresses', { recipient: '김하늘', phone: '01012345678', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' }, { token });
    const cardId = await this.addCard(token, cardNumber);
    return { id: signup.body.id as string, token, addressId: address.body.id as string, cardId };
  }

  async addCard(token: string, cardNumber?: string): Promise<string> {
    const setup = (await this.t.http.get('/api/payment-methods/setup', { token })).body;
    const window = await fillBillingAuthWindow(setup.windowUrl, setup.customerKey, cardNumber);
    if (!window.ok) throw new Error(`card refused: ${window.code}`);
    const card = await this.t.http.post('/api/payment-methods', { authKey: window.authKey, customerKey: window.customerKey }, { token });
    if (card.status !== 201) throw new Error(`card not saved: ${card.status} ${JSON.stringify(card.body)}`);
    return card.body.id as string;
  }

  /** Scripts what Toss does with the next charges of a card (sandbox control API). */
  async scriptCard(cardId: string, script: { outcome?: string; next?: string[] }): Promise<void> {
    const billingKey = await this.billingKeyOf(cardId);
    const res = await fetch(`${this.t.sandbox!.url}/sandbox/billing-keys/${encodeURIComponent(billingKey)}/script`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(script),
    });
    if (!res.ok) throw new Error(`script refused: ${res.status}`);
  }

  async billingKeyOf(cardId: string): Promise<string> {
    const { BillingKeyVault } = await import('../../src/payment-methods/billing-key-vault');
    const [row] = await this.t.db.query(`SELECT billing_key_enc FROM payment_methods WHERE id = $1`, [cardId]);
    return this.t.app.get(BillingKeyVault).open(cardId, row.billing_key_enc);
  }

  /** Moves the shared clock (every service and the sandbox follow) to `days` days later. */
  async advanceDays(days: number): Promise<Date> {
    const clock = this.t.app.get<Clock>(CLOCK) as SharedClock;
    return clock.advanceTo(new Date(clock.now().getTime() + days * 86_400_000));
  }

  /** One billing pass, as the scheduled run does it, until every placed box has an answer. */
  async bill(): Promise<void> {
    await this.t.app.get(BillingEngine).placeDueOrders();
    await this.settle();
  }

  /** Drives the charge worker until no order is waiting for stock or being charged. */
  async settle(timeoutMs = 20_000): Promise<void> {
    const loop = this.t.app.get(ChargeWorkerLoop);
    await waitFor(
      async () => {
        await loop.runOnce();
        const [{ n }] = await this.t.db.query(`SELECT count(*)::int AS n FROM orders WHERE status IN ('PENDING_STOCK', 'READY_TO_CHARGE', 'CHARGING')`);
        return n === 0;
      },
      'every placed box answered',
      timeoutMs,
    );
  }

  async ledger(subscriptionId: string): Promise<{ cycle: number; amount_won: number; kind: string; toss_order_id: string; payment_key: string }[]> {
    return this.t.db.query(
      `SELECT o.cycle, l.amount_won, l.kind, l.toss_order_id, l.payment_key FROM payment_ledger l JOIN orders o ON o.id = l.order_id WHERE o.subscription_id = $1 ORDER BY o.cycle`,
      [subscriptionId],
    );
  }

  async notices(token: string): Promise<{ kind: string; data: Record<string, unknown> }[]> {
    return (await this.t.http.get('/api/me/notifications?size=100', { token })).body.items;
  }
}
