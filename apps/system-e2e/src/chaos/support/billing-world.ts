import { randomUUID } from 'node:crypto';
import { seoulDate } from '@roastery/clock';
import { billingRunRequested, catalogItemPublished, type PayloadOf, productVersionApproved } from '@roastery/contracts';
import { buildEnvelope, examplePayloads, exampleVersionContent } from '@roastery/contracts/testing';
import { fillBillingAuthWindow, waitFor } from '@roastery/testing';
import type { ChaosStack, ServiceProcess } from './chaos-stack';

export const DAY_MS = 86_400_000;

/** Order states a box ends in; a declined box may also wait in dunning. */
export const FINAL = ['PAID', 'STOCK_REFUSED', 'PAYMENT_FAILED', 'CANCELLED'];
export const DUNNING = ['RETRY_SCHEDULED', 'AWAITING_CARD'];

export interface Coffee {
  catalogItemId: string;
  productId: string;
  partnerId: string;
  /** Plenty of stock. */
  plenty: { id: string; priceWon: number; stock: number };
  /** Runs out: later boxes of it are refused for stock. */
  scarce: { id: string; priceWon: number; stock: number };
}

export interface Subscriber {
  id: string;
  token: string;
  addressId: string;
  cardId: string;
  customerKey: string;
  subscriptions: string[];
}

/** What reconciling user-service, the sandbox and business-service found. */
export interface Reconciliation {
  subscriptions: number;
  orders: number;
  ordersByCycle: Record<number, number>;
  byStatus: Record<string, number>;
  paid: number;
  sandboxDone: number;
  sandboxAborted: number;
  attempts: number;
  ledgerRows: number;
  ledgerWon: number;
  sandboxWon: number;
  paidWon: number;
  committedReservations: number;
  partnerOrders: number;
  problems: string[];
}

/**
 * The subscribers, the coffee and the checks of the billing chaos specs, against a ChaosStack:
 * everything through the services' HTTP APIs and the bus, every check against the databases of
 * user-service, business-service and the sandbox.
 */
export class BillingWorld {
  coffee!: Coffee;

  constructor(private readonly s: ChaosStack) {}

  #turn = 0;

  /** The running user-service instances in turn, so both serve the API. */
  private get user(): ServiceProcess {
    const running = this.s.users.filter((u) => u.running);
    return running[this.#turn++ % running.length] ?? this.s.users[0];
  }

  /** A partner with one coffee of two options in business-service, published in user-service's catalog. */
  async setUpCoffee(stocks: { plenty: number; scarce: number }): Promise<Coffee> {
    const [userId, applicationId, partnerId] = [randomUUID(), randomUUID(), randomUUID()];
    await this.s.businessDb.query(
      `INSERT INTO partner_applications (id, applicant_user_id, status, business_name, registration_number, representative, phone, email, payout_bank, payout_account_enc, payout_account_last4, attempt, partner_id, submitted_at, decided_at)
       VALUES ($1, $2, 'APPROVED', 'Chaos Roasters', '1208147521', 'Kim', '01012345678', 'kim@chaos.kr', 'KB', 'v1.x.y', '4567', 1, $3, now(), now())`,
      [applicationId, userId, partnerId],
    );
    await this.s.businessDb.query(
      `INSERT INTO partners (id, application_id, business_name, registration_number, status, payout_bank, payout_account_enc, payout_account_last4, activated_at) VALUES ($1, $2, 'Chaos Roasters', '1208147521', 'ACTIVE', 'KB', 'v1.x.y', '4567', now())`,
      [partnerId, applicationId],
    );
    await this.s.businessDb.query(`INSERT INTO partner_members (partner_id, user_id, role, joined_at) VALUES ($1, $2, 'OWNER', now())`, [partnerId, userId]);
    const token = await this.s.issuer.token({ userId, roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: [partnerId] });
    const prices = { plenty: 18_000, scarce: 12_000 };
    const created = await this.s.business.http.post(
      '/partner/products',
      {
        name: 'Kenya Kirinyaga AA',
        origin: { country: 'Kenya', region: 'Kirinyaga' },
        process: 'Washed',
        roastLevel: 'LIGHT',
        tastingNotes: ['blackcurrant'],
        description: 'Juicy.',
        imageUrls: ['https://images.example.com/aa.jpg'],
        options: [
          { weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: prices.plenty, stock: stocks.plenty },
          { weightGrams: 500, grind: 'WHOLE_BEAN', priceWon: prices.scarce, stock: stocks.scarce },
        ],
      },
      { token },
    );
    if (created.status !== 201) throw new Error(`product not created: ${created.status} ${JSON.stringify(created.body)}`);
    const productId = created.body.id as string;
    const [plentyId, scarceId] = (created.body.current.options as { id: string }[]).map((o) => o.id);
    const submitted = await this.s.business.http.post(`/partner/products/${productId}/submit`, undefined, { token });
    if (submitted.status !== 200) throw new Error(`product not submitted: ${submitted.status}`);
    const catalogItemId = randomUUID();
    await this.s.bus.publishRaw(
      productVersionApproved.type,
      buildEnvelope(productVersionApproved, { productId, partnerId, version: 1, catalogItemId, reviewerId: randomUUID(), autoApproved: false, decidedAt: new Date().toISOString() }, { source: 'admin-service' }),
    );
    await waitFor(async () => (await this.s.business.http.get(`/partner/products/${productId}`, { token })).body.status === 'APPROVED', 'the product approved in business-service');
    const base = examplePayloads['catalog.item.published'] as PayloadOf<typeof catalogItemPublished>;
    const payload: PayloadOf<typeof catalogItemPublished> = {
      ...base,
      catalogItemId,
      productId,
      partner: { id: partnerId, name: 'Chaos Roasters' },
      content: {
        ...exampleVersionContent,
        name: 'Kenya Kirinyaga AA',
        options: [
          { id: plentyId, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: prices.plenty },
          { id: scarceId, weightGrams: 500, grind: 'WHOLE_BEAN', priceWon: prices.scarce },
        ],
      },
      lotKey: `lot|${randomUUID()}`,
      publishedAt: new Date().toISOString(),
    };
    await this.s.bus.publishRaw(catalogItemPublished.type, buildEnvelope(catalogItemPublished, payload, { source: 'admin-service' }));
    await waitFor(async () => ((await this.s.userDb.query(`SELECT 1 FROM catalog_items WHERE id = $1`, [catalogItemId])).rowCount ?? 0) > 0, 'the coffee in the catalog read model');
    this.coffee = {
      catalogItemId,
      productId,
      partnerId,
      plenty: { id: plentyId, priceWon: prices.plenty, stock: stocks.plenty },
      scarce: { id: scarceId, priceWon: prices.scarce, stock: stocks.scarce },
    };
    return this.coffee;
  }

  /** A signed-up subscriber with an address and a card registered through the sandbox window. */
  async subscriber(tag: string): Promise<Subscriber> {
    const http = this.user.http;
    const email = `${tag}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const password = 'correct horse battery staple';
    const signup = await http.post('/api/auth/signup', { email, password, name: '김하늘' });
    if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${JSON.stringify(signup.body)}`);
    const token = (await http.post('/api/auth/login', { email, password })).body.accessToken as string;
    const address = await http.post('/api/me/addresses', { recipient: '김하늘', phone: '01012345678', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' }, { token });
    const setup = (await http.get('/api/payment-methods/setup', { token })).body;
    const window = await fillBillingAuthWindow(setup.windowUrl, setup.customerKey);
    if (!window.ok) throw new Error(`card refused: ${window.code}`);
    const card = await http.post('/api/payment-methods', { authKey: window.authKey, customerKey: window.customerKey }, { token });
    if (card.status !== 201) throw new Error(`card not saved: ${card.status} ${JSON.stringify(card.body)}`);
    return { id: signup.body.id, token, addressId: address.body.id, cardId: card.body.id, customerKey: setup.customerKey, subscriptions: [] };
  }

  /** Subscribes (the first box is reserved and charged at once, through business-service and the sandbox). */
  async subscribe(who: Subscriber, option: 'plenty' | 'scarce', quantity: number): Promise<string> {
    const res = await this.user.http.post(
      '/api/subscriptions',
      { catalogItemId: this.coffee.catalogItemId, optionId: this.coffee[option].id, quantity, intervalWeeks: 2, addressId: who.addressId, paymentMethodId: who.cardId, agreeToRecurringPayment: true },
      { token: who.token, headers: { 'Idempotency-Key': randomUUID() } },
    );
    if (res.status !== 201) throw new Error(`subscribe failed: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.firstOrder.status !== 'PAID') {
      // Answered before the saga finished (the machine is busy): the box must still end up paid.
      const orderId = res.body.firstOrder.id as string;
      await waitFor(async () => (await this.s.userDb.query(`SELECT status FROM orders WHERE id = $1`, [orderId])).rows[0]?.status === 'PAID', `first box ${orderId} paid`, 60_000);
    }
    who.subscriptions.push(res.body.subscription.id);
    return res.body.subscription.id;
  }

  /** Scripts what the sandbox does with the charges of every card of a subscriber. */
  async script(who: Subscriber, script: { outcome?: string; next?: string[] }): Promise<void> {
    const res = await fetch(`${this.s.sandbox.url}/sandbox/customers/${encodeURIComponent(who.customerKey)}/script`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(script),
    });
    if (!res.ok) throw new Error(`script refused: ${res.status} ${await res.text()}`);
  }

  /** Replaces the sandbox's fault injection ({} turns it off). */
  async faults(faults: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${this.s.sandbox.url}/sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    if (!res.ok) throw new Error(`faults refused: ${res.status} ${await res.text()}`);
  }

  /** Asks for a billing run as admin-service does (billing.run.requested); some instance takes it. */
  async requestRun(): Promise<string> {
    const runId = randomUUID();
    await this.s.bus.publishRaw(billingRunRequested.type, buildEnvelope(billingRunRequested, { runId, requestedBy: randomUUID(), requestedAt: new Date().toISOString() }, { source: 'admin-service' }));
    return runId;
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await this.s.userDb.query(sql, params)).rows[0].n);
  }

  /** Work still to do: due boxes not placed, boxes waiting for stock or a charge, unknown outcomes, due retries. */
  async outstanding(): Promise<{ due: number; inFlight: number; unresolved: number; retriesDue: number }> {
    const now = this.s.clock.now();
    const { rows } = await this.s.userDb.query(
      `SELECT (SELECT count(*) FROM subscriptions WHERE status = 'ACTIVE' AND open_order_id IS NULL AND next_billing_date <= $1)::int AS due,
              (SELECT count(*) FROM orders WHERE status IN ('PENDING_STOCK', 'READY_TO_CHARGE', 'CHARGING'))::int AS "inFlight",
              (SELECT count(*) FROM payment_attempts WHERE status IN ('PENDING', 'UNKNOWN'))::int AS unresolved,
              (SELECT count(*) FROM orders WHERE status = 'RETRY_SCHEDULED' AND next_attempt_at <= $2)::int AS "retriesDue"`,
      [seoulDate(now), now],
    );
    return rows[0];
  }

  /** Waits until the engine has nothing left to do for the current date. */
  async settled(what: string, timeoutMs = 90_000): Promise<void> {
    let last = {};
    try {
      await waitFor(
        async () => {
          const o = await this.outstanding();
          last = o;
          return o.due + o.inFlight + o.unresolved + o.retriesDue === 0;
        },
        what,
        timeoutMs,
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}; still outstanding: ${JSON.stringify(last)}`);
    }
  }

  /**
   * Reconciles everything: user-service's orders, attempts and ledger against the sandbox's
   * payments (by the deterministic orderId s<subscription>-c<cycle>-a<attempt>), and business-service's
   * stock decisions, reservations, option counters and partner orders against the orders' states.
   */
  async reconcile(): Promise<Reconciliation> {
    const problems: string[] = [];
    const subs = (await this.s.userDb.query(`SELECT id, status, open_order_id, next_billing_date::text AS next FROM subscriptions`)).rows as { id: string; status: string; open_order_id: string | null; next: string | null }[];
    const orders = (
      await this.s.userDb.query(
        `SELECT o.id, o.subscription_id, o.cycle, o.status, o.total_won, o.next_attempt_at, l.quantity, l.option_id
           FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.subscription_id IS NOT NULL`,
      )
    ).rows as { id: string; subscription_id: string; cycle: number; status: string; total_won: number; next_attempt_at: Date | null; quantity: number; option_id: string }[];
    const attempts = (await this.s.userDb.query(`SELECT order_id, toss_order_id, status, payment_key, amount_won FROM payment_attempts`)).rows as { order_id: string; toss_order_id: string; status: string; payment_key: string | null; amount_won: number }[];
    const ledger = (await this.s.userDb.query(`SELECT order_id, kind, amount_won, payment_key, toss_order_id FROM payment_ledger`)).rows as { order_id: string; kind: string; amount_won: number; payment_key: string; toss_order_id: string }[];
    const payments = (await this.s.sandboxDb.query(`SELECT payment_key, order_id, status, total_amount::int AS amount FROM payments`)).rows as { payment_key: string; order_id: string; status: string; amount: number }[];
    const stockOrders = new Map(((await this.s.businessDb.query(`SELECT order_id, state FROM stock_orders`)).rows as { order_id: string; state: string }[]).map((r) => [r.order_id, r.state]));
    const reservations = (await this.s.businessDb.query(`SELECT order_id, option_id, quantity, status FROM stock_reservations`)).rows as { order_id: string; option_id: string; quantity: number; status: string }[];
    const partnerOrders = (await this.s.businessDb.query(`SELECT order_id, stock_reserved FROM partner_orders`)).rows as { order_id: string; stock_reserved: boolean }[];
    const options = new Map(((await this.s.businessDb.query(`SELECT id, stock, held FROM product_options`)).rows as { id: string; stock: number; held: number }[]).map((r) => [r.id, r]));

    const orderById = new Map(orders.map((o) => [o.id, o]));
    const subById = new Map(subs.map((s) => [s.id, s]));
    const byStatus: Record<string, number> = {};
    const ordersByCycle: Record<number, number> = {};
    for (const o of orders) {
      byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
      ordersByCycle[o.cycle] = (ordersByCycle[o.cycle] ?? 0) + 1;
    }

    // Every order final, or a decline waiting in dunning as its subscription's open box.
    for (const o of orders) {
      if (FINAL.includes(o.status)) continue;
      if (DUNNING.includes(o.status) && o.next_attempt_at !== null && subById.get(o.subscription_id)?.open_order_id === o.id) continue;
      problems.push(`order ${o.id} (cycle ${o.cycle}) is ${o.status}`);
    }
    // Cycles of each subscription: 0..n with none missing, and nothing due that was not placed.
    const today = seoulDate(this.s.clock.now());
    const cyclesBySub = new Map<string, number[]>();
    for (const o of orders) cyclesBySub.set(o.subscription_id, [...(cyclesBySub.get(o.subscription_id) ?? []), o.cycle]);
    for (const s of subs) {
      const cycles = (cyclesBySub.get(s.id) ?? []).sort((a, b) => a - b);
      if (cycles.some((c, i) => c !== i)) problems.push(`subscription ${s.id} has cycles ${cycles.join(',')}`);
      if (s.status === 'ACTIVE' && s.open_order_id === null && s.next !== null && s.next <= today) problems.push(`subscription ${s.id} is due (${s.next}) with no box placed`);
    }

    // The sandbox: at most one DONE payment per (subscription, cycle), exactly one for each PAID order.
    const idOf = (tossOrderId: string): { sub: string; cycle: number } | null => {
      const m = /^s([0-9a-f]{32})-c(\d+)-a(\d+)$/.exec(tossOrderId);
      if (!m) return null;
      const hex = m[1];
      return { sub: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, cycle: Number(m[2]) };
    };
    const orderByCycle = new Map(orders.map((o) => [`${o.subscription_id}:${o.cycle}`, o]));
    const doneByOrder = new Map<string, typeof payments>();
    for (const p of payments.filter((x) => x.status === 'DONE')) {
      const id = idOf(p.order_id);
      const order = id && orderByCycle.get(`${id.sub}:${id.cycle}`);
      if (!order) {
        problems.push(`sandbox payment ${p.order_id} belongs to no order`);
        continue;
      }
      doneByOrder.set(order.id, [...(doneByOrder.get(order.id) ?? []), p]);
    }
    for (const [orderId, done] of doneByOrder) {
      const o = orderById.get(orderId);
      if (done.length > 1) problems.push(`order ${orderId} (cycle ${o?.cycle}) charged ${done.length} times at the sandbox: ${done.map((d) => d.order_id).join(', ')}`);
      if (o?.status !== 'PAID') problems.push(`order ${orderId} (cycle ${o?.cycle}) is ${o?.status} but was charged at the sandbox`);
    }
    // The ledger: one CHARGE per PAID order, equal to the sandbox's payment to the won.
    const ledgerByOrder = new Map<string, typeof ledger>();
    for (const l of ledger) ledgerByOrder.set(l.order_id, [...(ledgerByOrder.get(l.order_id) ?? []), l]);
    for (const o of orders.filter((x) => x.status === 'PAID')) {
      const done = doneByOrder.get(o.id) ?? [];
      const rows = (ledgerByOrder.get(o.id) ?? []).filter((l) => l.kind === 'CHARGE');
      if (done.length !== 1) problems.push(`PAID order ${o.id} (cycle ${o.cycle}) has ${done.length} DONE payments at the sandbox`);
      if (rows.length !== 1) problems.push(`PAID order ${o.id} (cycle ${o.cycle}) has ${rows.length} ledger rows`);
      if (done.length === 1 && rows.length === 1) {
        const [p, l] = [done[0], rows[0]];
        if (p.payment_key !== l.payment_key || p.order_id !== l.toss_order_id || p.amount !== l.amount_won || l.amount_won !== o.total_won) {
          problems.push(`order ${o.id}: ledger ${l.toss_order_id}/${l.payment_key}/${l.amount_won} ≠ sandbox ${p.order_id}/${p.payment_key}/${p.amount} (order total ${o.total_won})`);
        }
      }
    }
    for (const orderId of ledgerByOrder.keys()) if (orderById.get(orderId)?.status !== 'PAID') problems.push(`ledger rows for order ${orderId}, which is ${orderById.get(orderId)?.status}`);
    if (attempts.some((a) => a.status === 'PENDING' || a.status === 'UNKNOWN')) problems.push(`${attempts.filter((a) => a.status === 'PENDING' || a.status === 'UNKNOWN').length} attempts unresolved`);

    // business-service: committed exactly for the paid orders, held for those in dunning, nothing else.
    const expectedState: Record<string, string[]> = { PAID: ['COMMITTED'], STOCK_REFUSED: ['REFUSED'], PAYMENT_FAILED: ['RELEASED'], CANCELLED: ['RELEASED', 'VOIDED'], RETRY_SCHEDULED: ['HELD'], AWAITING_CARD: ['HELD'] };
    for (const o of orders) {
      const state = stockOrders.get(o.id);
      if (!expectedState[o.status]?.includes(state ?? '')) problems.push(`order ${o.id} (cycle ${o.cycle}) is ${o.status} but its stock is ${state ?? 'undecided'}`);
    }
    const committed = reservations.filter((r) => r.status === 'COMMITTED');
    for (const r of committed) {
      const o = orderById.get(r.order_id);
      if (o?.status !== 'PAID' || o.quantity !== r.quantity || o.option_id !== r.option_id) problems.push(`committed reservation of order ${r.order_id} (${r.quantity}) does not match a paid order (${o?.status} ${o?.quantity})`);
    }
    const paidOrders = orders.filter((o) => o.status === 'PAID');
    const committedIds = new Set(committed.map((r) => r.order_id));
    for (const o of paidOrders) if (!committedIds.has(o.id)) problems.push(`paid order ${o.id} (cycle ${o.cycle}) has no committed reservation`);
    const routed = new Map<string, number>();
    for (const p of partnerOrders) routed.set(p.order_id, (routed.get(p.order_id) ?? 0) + 1);
    for (const o of paidOrders) if (routed.get(o.id) !== 1) problems.push(`paid order ${o.id} routed to the partner ${routed.get(o.id) ?? 0} times`);
    for (const p of partnerOrders) if (!p.stock_reserved) problems.push(`partner order of ${p.order_id} was routed without a held reservation`);
    for (const opt of [this.coffee.plenty, this.coffee.scarce]) {
      const sum = (status: string) => reservations.filter((r) => r.option_id === opt.id && r.status === status).reduce((n, r) => n + r.quantity, 0);
      const row = options.get(opt.id);
      if (row?.stock !== opt.stock - sum('COMMITTED') || row.held !== sum('HELD')) {
        problems.push(`option ${opt.id}: stock ${row?.stock} held ${row?.held}, expected ${opt.stock - sum('COMMITTED')} and ${sum('HELD')}`);
      }
    }

    const sandboxDone = payments.filter((p) => p.status === 'DONE');
    return {
      subscriptions: subs.length,
      orders: orders.length,
      ordersByCycle,
      byStatus,
      paid: paidOrders.length,
      sandboxDone: sandboxDone.length,
      sandboxAborted: payments.filter((p) => p.status === 'ABORTED').length,
      attempts: attempts.length,
      ledgerRows: ledger.length,
      ledgerWon: ledger.reduce((n, l) => n + l.amount_won, 0),
      sandboxWon: sandboxDone.reduce((n, p) => n + p.amount, 0),
      paidWon: paidOrders.reduce((n, o) => n + o.total_won, 0),
      committedReservations: committed.length,
      partnerOrders: partnerOrders.length,
      problems,
    };
  }

  /** Reconciles until business-service has caught up with the last order.paid (it is asynchronous), then returns. */
  async reconciled(timeoutMs = 30_000): Promise<Reconciliation> {
    let last: Reconciliation | undefined;
    try {
      return await waitFor(
        async () => {
          last = await this.reconcile();
          return last.problems.length === 0 ? last : undefined;
        },
        'user-service, the sandbox and business-service to agree',
        timeoutMs,
      );
    } catch {
      return last ?? this.reconcile();
    }
  }
}
