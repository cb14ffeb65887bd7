import { randomUUID } from 'node:crypto';
import { refundRequested } from '@roastery/contracts';
import { buildEnvelope } from '@roastery/contracts/testing';
import { waitFor } from '@roastery/testing';
import type { BillingWorld, Subscriber } from './billing-world';
import type { ChaosStack } from './chaos-stack';

/** A paid first box of a subscription, to be refunded. */
export interface PaidOrder {
  orderId: string;
  totalWon: number;
  paymentKey: string;
  accountId: string;
  subscriber: Subscriber;
}

/** One refund asked for, by whom, and what the edge answered. */
export interface AskedRefund {
  by: 'ADMIN' | 'PARTNER' | 'CANCEL';
  orderId: string;
  /** The refund id (a cancellation's is its request id); null when the edge refused it. */
  id: string | null;
  amountWon: number | null;
  /** The HTTP status of the edge (admin requests go on the bus: 202). */
  status: number;
  code?: string;
}

/** What reconciling the refunds of a set of orders found. */
export interface RefundReconciliation {
  asked: number;
  refusedAtEdge: number;
  completed: number;
  refused: Record<string, number>;
  refundedWon: number;
  ledgerRefundRows: number;
  sandboxCancels: number;
  sandboxRefundedWon: number;
  fullyRefunded: number;
  cancelled: number;
  problems: string[];
}

/** Any `test_sk_` key reads the sandbox's payments (Basic auth, key and an empty password). */
const SANDBOX_AUTH = `Basic ${Buffer.from('test_sk_chaos_refunds:').toString('base64')}`;

/**
 * Refunds against a ChaosStack (issue 6): paid orders made through the billing world, refunds
 * asked the three ways the platform asks them — the admin's as admin-service sends it
 * (`refund.requested` on the bus), the partner's through business-service's API, the subscriber's
 * cancel through user-service's API — and a reconciliation of every refund asked against
 * user-service's refunds, ledger and notices, the sandbox's payments and business-service's views.
 */
export class RefundWorld {
  #partnerToken: string | null = null;
  #turn = 0;

  constructor(
    private readonly s: ChaosStack,
    private readonly world: BillingWorld,
  ) {}

  private get user() {
    const running = this.s.users.filter((u) => u.running);
    return running[this.#turn++ % running.length] ?? this.s.users[0];
  }

  /** A token of the coffee's partner (its owner), as user-service would mint it. */
  async partnerToken(): Promise<string> {
    if (this.#partnerToken) return this.#partnerToken;
    const partnerId = this.world.coffee.partnerId;
    const { rows } = await this.s.businessDb.query(`SELECT user_id FROM partner_members WHERE partner_id = $1 AND role = 'OWNER'`, [partnerId]);
    this.#partnerToken = await this.s.issuer.token({ userId: rows[0].user_id, roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: [partnerId] }, '2h');
    return this.#partnerToken;
  }

  /** `count` paid first boxes (quantities 1–3 of the plentiful option) over `subscribers` new subscribers, routed to the partner. */
  async paidOrders(tag: string, subscribers: number, count: number): Promise<PaidOrder[]> {
    const who = await Promise.all(Array.from({ length: subscribers }, (_, i) => this.world.subscriber(`${tag}${i}`)));
    const jobs = Array.from({ length: count }, (_, k) => () => this.world.subscribe(who[k % subscribers], 'plenty', (k % 3) + 1));
    const subs: string[] = new Array(count);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < jobs.length) {
          const k = next++;
          subs[k] = await jobs[k]();
        }
      }),
    );
    const { rows } = await this.s.userDb.query(
      `SELECT o.id, o.subscription_id, o.total_won, o.account_id, l.payment_key
         FROM orders o JOIN payment_ledger l ON l.order_id = o.id AND l.kind = 'CHARGE'
        WHERE o.subscription_id = ANY($1::uuid[]) AND o.status = 'PAID'`,
      [subs],
    );
    const bySub = new Map((rows as { id: string; subscription_id: string; total_won: number; account_id: string; payment_key: string }[]).map((r) => [r.subscription_id, r]));
    const orders = subs.map((sub, k) => {
      const r = bySub.get(sub);
      if (!r) throw new Error(`subscription ${sub} has no paid first box`);
      return { orderId: r.id, totalWon: r.total_won, paymentKey: r.payment_key, accountId: r.account_id, subscriber: who[k % subscribers] };
    });
    // The partner sees each order (order.paid reached business-service) before it is asked to refund or cancel it.
    await waitFor(
      async () => Number((await this.s.businessDb.query(`SELECT count(*) AS n FROM partner_orders WHERE order_id = ANY($1::uuid[])`, [orders.map((o) => o.orderId)])).rows[0].n) === orders.length,
      'every order routed to the partner',
      60_000,
    );
    return orders;
  }

  /** An admin refund, sent as admin-service sends it: `refund.requested` on the bus. */
  async adminRefund(orderId: string, amountWon: number | null, reason = 'support: chaos refund'): Promise<AskedRefund> {
    const refundId = randomUUID();
    await this.s.bus.publishRaw(
      refundRequested.type,
      buildEnvelope(refundRequested, { refundId, orderId, amountWon, reason, requestedBy: { role: 'ADMIN', userId: randomUUID(), partnerId: null }, requestedAt: new Date().toISOString() }, { source: 'admin-service' }),
    );
    return { by: 'ADMIN', orderId, id: refundId, amountWon, status: 202 };
  }

  /** A partner refund through business-service (`POST /partner/orders/:id/refund`): 202, or refused at the edge (409, 422). */
  async partnerRefund(orderId: string, amountWon: number, reason = 'roast defect'): Promise<AskedRefund> {
    const res = await this.s.business.http.post(`/partner/orders/${orderId}/refund`, { amount: amountWon, reason }, { token: await this.partnerToken() });
    // 422: above the lines' balance less pending; 409: the order was cancelled (refunded in full by its cancellation).
    if (res.status !== 202 && res.status !== 422 && res.status !== 409) throw new Error(`partner refund of ${orderId}: ${res.status} ${JSON.stringify(res.body)}`);
    return { by: 'PARTNER', orderId, id: res.status === 202 ? (res.body.refundId as string) : null, amountWon, status: res.status, code: res.body?.code };
  }

  /** The subscriber's cancel (`POST /api/orders/:id/cancel`): 202 with the request id, which becomes the refund id. */
  async cancel(o: PaidOrder): Promise<AskedRefund> {
    const res = await this.user.http.post(`/api/orders/${o.orderId}/cancel`, { reason: '마음이 바뀌었어요' }, { token: o.subscriber.token });
    if (res.status !== 202 && res.status !== 409) throw new Error(`cancel of ${o.orderId}: ${res.status} ${JSON.stringify(res.body)}`);
    return { by: 'CANCEL', orderId: o.orderId, id: res.status === 202 ? (res.body.requestId as string) : null, amountWon: null, status: res.status, code: res.body?.code };
  }

  /** Refund states in user-service right now. */
  async refundStates(orderIds: string[]): Promise<Record<string, number>> {
    const { rows } = await this.s.userDb.query(`SELECT status, count(*)::int AS n FROM refunds WHERE order_id = ANY($1::uuid[]) GROUP BY 1`, [orderIds]);
    return Object.fromEntries((rows as { status: string; n: number }[]).map((r) => [r.status, r.n]));
  }

  /**
   * Toss's webhooks (PAYMENT_STATUS_CHANGED on every cancel) to user-service, as in production: its
   * observer of cancels made outside us then races the refund processor for every cancel.
   */
  async webhooksTo(instance: { url: string }): Promise<void> {
    const res = await fetch(`${this.s.sandbox.url}/sandbox/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ webhookUrl: `${instance.url}/api/webhooks/toss`, webhookRetryScale: 0.001, webhookOnBillingCancel: true }),
    });
    if (!res.ok) throw new Error(`webhook settings refused: ${res.status} ${await res.text()}`);
  }

  /** How Toss's webhooks were handled: outcome → count (null: not yet). */
  async webhookOutcomes(): Promise<Record<string, number>> {
    const { rows } = await this.s.userDb.query(`SELECT coalesce(outcome, 'UNHANDLED') AS outcome, count(*)::int AS n FROM toss_webhook_events GROUP BY 1`);
    return Object.fromEntries((rows as { outcome: string; n: number }[]).map((r) => [r.outcome, r.n]));
  }

  /** Unpublished outbox rows by message type, of one service's database. */
  async unpublishedByType(db: 'user' | 'business'): Promise<Record<string, number>> {
    const { rows } = await (db === 'user' ? this.s.userDb : this.s.businessDb).query(`SELECT type, count(*)::int AS n FROM outbox WHERE published_at IS NULL GROUP BY 1`);
    return Object.fromEntries((rows as { type: string; n: number }[]).map((r) => [r.type, r.n]));
  }

  /** Unpublished outbox rows of user-service and business-service. */
  async unpublished(): Promise<{ user: number; business: number }> {
    const [u, b] = await Promise.all([
      this.s.userDb.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`),
      this.s.businessDb.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`),
    ]);
    return { user: u.rows[0].n, business: b.rows[0].n };
  }

  /**
   * Waits until every refund asked is decided and told: each accepted request is a refund row at
   * user-service (a cancel: decided, and if cancelled its refund row), none QUEUED or PENDING, every
   * Toss webhook delivered by the sandbox and handled by user-service (a cancel the webhook observer
   * would record is recorded by then), business-service has no partner refund REQUESTED, and both
   * outboxes are empty.
   */
  async settled(asked: AskedRefund[], what: string, timeoutMs = 120_000): Promise<void> {
    const ids = asked.filter((a) => a.id && a.by !== 'CANCEL').map((a) => a.id!);
    const cancels = asked.filter((a) => a.id && a.by === 'CANCEL').map((a) => a.id!);
    const orderIds = [...new Set(asked.map((a) => a.orderId))];
    let last: Record<string, unknown> = {};
    try {
      await waitFor(
        async () => {
          const { rows } = await this.s.userDb.query(
            `SELECT (SELECT count(*) FROM refunds WHERE id = ANY($1::uuid[]))::int AS "rowsOfAsked",
                    (SELECT count(*) FROM order_requests WHERE id = ANY($2::uuid[]) AND status = 'OPEN')::int AS "openCancels",
                    (SELECT count(*) FROM order_requests q WHERE q.id = ANY($2::uuid[]) AND q.status = 'CANCELLED' AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.id = q.id))::int AS "cancelledWithoutRefund",
                    (SELECT count(*) FROM refunds WHERE order_id = ANY($3::uuid[]) AND status IN ('QUEUED', 'PENDING'))::int AS "inFlight",
                    (SELECT count(*) FROM toss_webhook_events WHERE handled_at IS NULL)::int AS "webhooksUnhandled"`,
            [ids, cancels, orderIds],
          );
          const partner = Number((await this.s.businessDb.query(`SELECT count(*) AS n FROM partner_refunds WHERE order_id = ANY($1::uuid[]) AND status = 'REQUESTED'`, [orderIds])).rows[0].n);
          const webhooksPending = Number((await this.s.sandboxDb.query(`SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'pending'`)).rows[0].n);
          last = { ...rows[0], missing: ids.length - rows[0].rowsOfAsked, partnerRequested: partner, webhooksPending, unpublished: await this.unpublished() };
          const u = last['unpublished'] as { user: number; business: number };
          const quiet = rows[0].inFlight === 0 && rows[0].webhooksUnhandled === 0 && webhooksPending === 0 && partner === 0 && u.user === 0 && u.business === 0;
          return quiet && rows[0].rowsOfAsked === ids.length && rows[0].openCancels === 0 && rows[0].cancelledWithoutRefund === 0;
        },
        what,
        timeoutMs,
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}; still: ${JSON.stringify(last)}`);
    }
  }

  /** The sandbox's payment, looked up as a merchant does (`GET /v1/payments/{paymentKey}`). */
  async sandboxPayment(paymentKey: string): Promise<{ totalAmount: number; balanceAmount: number; status: string; cancels: { cancelAmount: number; transactionKey: string; cancelReason?: string | null }[] | null }> {
    const res = await fetch(`${this.s.sandbox.url}/v1/payments/${encodeURIComponent(paymentKey)}`, { headers: { authorization: SANDBOX_AUTH } });
    if (!res.ok) throw new Error(`sandbox lookup of ${paymentKey}: ${res.status} ${await res.text()}`);
    return (await res.json()) as never;
  }

  /**
   * Reconciles every refund asked of `orders`:
   * - each accepted request ended COMPLETED (one ledger row, one REFUNDED notice) or REFUSED with a
   *   code and a message; a cancel decided CANCELLED has its full refund decided too;
   * - per payment: refunded ≤ paid, the ledger's balance = the sandbox's balanceAmount, one cancel at
   *   the sandbox per REFUND ledger row, each cancel recorded by exactly one refund (its transactionKey,
   *   its [rf:] tag), so nothing was applied twice;
   * - business-service: every partner refund in the state and amount user-service gave it, every other
   *   completed refund of the partner's lines recorded for the partner, cancelled orders CANCELLED.
   */
  async reconcile(orders: PaidOrder[], asked: AskedRefund[]): Promise<RefundReconciliation> {
    const problems: string[] = [];
    const orderIds = orders.map((o) => o.orderId);
    type RefundRow = { id: string; order_id: string; status: string; amount_won: number | null; refused_code: string | null; refused_message: string | null; toss_transaction_key: string | null; allocation: { lines: { partnerId: string; amountWon: number }[] } | null; external: boolean; requester_role: string };
    const refunds = (
      await this.s.userDb.query(
        `SELECT id, order_id, status, amount_won, refused_code, refused_message, toss_transaction_key, allocation, external, requester_role FROM refunds WHERE order_id = ANY($1::uuid[])`,
        [orderIds],
      )
    ).rows as RefundRow[];
    const ledger = (await this.s.userDb.query(`SELECT order_id, kind, amount_won, refund_id FROM payment_ledger WHERE order_id = ANY($1::uuid[])`, [orderIds])).rows as { order_id: string; kind: string; amount_won: number; refund_id: string | null }[];
    const notices = (
      await this.s.userDb.query(`SELECT account_id, dedupe_key, data->>'orderId' AS order_id, (data->>'amountWon')::int AS amount FROM notifications WHERE kind = 'REFUNDED' AND data->>'orderId' = ANY($1::text[])`, [orderIds])
    ).rows as { account_id: string; dedupe_key: string; order_id: string; amount: number }[];
    const requests = (await this.s.userDb.query(`SELECT id, order_id, status FROM order_requests WHERE order_id = ANY($1::uuid[]) AND kind = 'CANCEL'`, [orderIds])).rows as { id: string; order_id: string; status: string }[];
    const partnerRefunds = (
      await this.s.businessDb.query(`SELECT refund_id, order_id, requested_by_role, amount_won, refunded_won, status, refused_code FROM partner_refunds WHERE order_id = ANY($1::uuid[])`, [orderIds])
    ).rows as { refund_id: string; order_id: string; requested_by_role: string; amount_won: number | null; refunded_won: number | null; status: string; refused_code: string | null }[];
    const partnerOrders = new Map(
      ((await this.s.businessDb.query(`SELECT order_id, status FROM partner_orders WHERE order_id = ANY($1::uuid[])`, [orderIds])).rows as { order_id: string; status: string }[]).map((p) => [p.order_id, p.status]),
    );
    const refundById = new Map(refunds.map((r) => [r.id, r]));
    const orderById = new Map(orders.map((o) => [o.orderId, o]));

    // Every accepted request is decided: COMPLETED, or REFUSED with a code and a reason.
    for (const a of asked) {
      if (!a.id) continue;
      if (a.by === 'CANCEL') {
        const q = requests.find((x) => x.id === a.id);
        if (!q || q.status === 'OPEN') problems.push(`cancel ${a.id} of ${a.orderId}: ${q ? 'still OPEN' : 'lost'}`);
        if (q?.status === 'CANCELLED' && !refundById.has(a.id)) problems.push(`cancel ${a.id}: cancelled without its refund`);
        if (q?.status === 'CANCELLED' && partnerOrders.get(a.orderId) !== 'CANCELLED') problems.push(`cancel ${a.id}: business-service has the order ${partnerOrders.get(a.orderId)}`);
        if (!q || q.status !== 'CANCELLED') continue;
      }
      const r = refundById.get(a.id);
      if (!r) problems.push(`${a.by} refund ${a.id} of ${a.orderId}: lost (no refund at user-service)`);
      else if (r.status === 'REFUSED' && (!r.refused_code || !r.refused_message)) problems.push(`refund ${a.id}: REFUSED without a reason`);
      else if (r.status !== 'COMPLETED' && r.status !== 'REFUSED') problems.push(`refund ${a.id}: in limbo (${r.status})`);
      else if (r.status === 'COMPLETED' && a.amountWon !== null && r.amount_won !== a.amountWon) problems.push(`refund ${a.id}: asked ${a.amountWon}, completed ${r.amount_won}`);
    }

    // Each completed refund: one ledger row of its amount, one REFUNDED notice for the subscriber; a refused one: none.
    for (const r of refunds) {
      const rows = ledger.filter((l) => l.refund_id === r.id);
      const told = notices.filter((n) => n.dedupe_key === `refunded:${r.id}`);
      if (r.status === 'COMPLETED') {
        if (rows.length !== 1 || rows[0].amount_won !== -r.amount_won!) problems.push(`refund ${r.id}: ${rows.length} ledger rows (${rows.map((l) => l.amount_won).join(',')}) for ${r.amount_won}`);
        if (told.length !== 1 || told[0].account_id !== orderById.get(r.order_id)!.accountId || told[0].amount !== r.amount_won) problems.push(`refund ${r.id}: ${told.length} REFUNDED notices`);
        if (r.external) problems.push(`refund ${r.id}: recorded as a cancel made outside us`);
      } else if (rows.length > 0) problems.push(`refund ${r.id} (${r.status}) has ledger rows`);
      else if (r.status !== 'REFUSED') problems.push(`refund ${r.id}: in limbo (${r.status})`);
    }
    for (const o of orders) {
      const ofOrder = notices.filter((n) => n.order_id === o.orderId).length;
      const completed = refunds.filter((r) => r.order_id === o.orderId && r.status === 'COMPLETED').length;
      if (ofOrder !== completed) problems.push(`order ${o.orderId}: ${ofOrder} REFUNDED notices for ${completed} completed refunds`);
    }

    // Per payment: never below zero, ledger = sandbox to the won, one cancel per ledger row, each cancel recorded once.
    let sandboxCancels = 0;
    let sandboxRefundedWon = 0;
    let fullyRefunded = 0;
    const payments = await Promise.all(orders.map((o) => this.sandboxPayment(o.paymentKey)));
    for (const [i, o] of orders.entries()) {
      const p = payments[i];
      const rows = ledger.filter((l) => l.order_id === o.orderId);
      const balance = rows.reduce((n, l) => n + l.amount_won, 0);
      const refundRows = rows.filter((l) => l.kind === 'REFUND');
      const cancels = p.cancels ?? [];
      sandboxCancels += cancels.length;
      sandboxRefundedWon += p.totalAmount - p.balanceAmount;
      if (balance === 0) fullyRefunded++;
      if (balance < 0) problems.push(`order ${o.orderId}: refunded above its amount (ledger balance ${balance})`);
      if (p.totalAmount !== o.totalWon) problems.push(`order ${o.orderId}: sandbox total ${p.totalAmount} ≠ ${o.totalWon}`);
      if (balance !== p.balanceAmount) problems.push(`order ${o.orderId}: ledger balance ${balance} ≠ sandbox balance ${p.balanceAmount}`);
      if (refundRows.length !== cancels.length) problems.push(`order ${o.orderId}: ${refundRows.length} REFUND ledger rows ≠ ${cancels.length} cancels at the sandbox`);
      const keys = new Map(refunds.filter((r) => r.order_id === o.orderId && r.toss_transaction_key).map((r) => [r.toss_transaction_key!, r.id]));
      const tagged = new Map<string, number>();
      for (const c of cancels) {
        if (!keys.has(c.transactionKey)) problems.push(`order ${o.orderId}: cancel ${c.transactionKey} (${c.cancelAmount}) at the sandbox recorded by no refund`);
        const tag = /\[rf:([0-9a-f-]{36})\]/.exec(c.cancelReason ?? '')?.[1];
        if (tag) tagged.set(tag, (tagged.get(tag) ?? 0) + 1);
        if (tag && keys.get(c.transactionKey) !== undefined && keys.get(c.transactionKey) !== tag) problems.push(`order ${o.orderId}: cancel tagged ${tag} recorded as refund ${keys.get(c.transactionKey)}`);
      }
      for (const [tag, n] of tagged) if (n > 1) problems.push(`refund ${tag}: applied ${n} times at the sandbox`);
    }

    // business-service's views agree with user-service's.
    for (const a of asked.filter((x) => x.by === 'PARTNER' && x.id)) {
      const mine = partnerRefunds.find((p) => p.refund_id === a.id);
      const r = refundById.get(a.id!);
      if (!mine || !r) continue;
      if (mine.status !== r.status) problems.push(`partner refund ${a.id}: ${mine.status} at business-service, ${r.status} at user-service`);
      if (mine.status === 'COMPLETED' && mine.refunded_won !== r.amount_won) problems.push(`partner refund ${a.id}: business-service refunded_won ${mine.refunded_won} ≠ ${r.amount_won}`);
      if (mine.status === 'REFUSED' && mine.refused_code !== r.refused_code) problems.push(`partner refund ${a.id}: refused ${mine.refused_code} ≠ ${r.refused_code}`);
    }
    const partnerId = this.world.coffee.partnerId;
    for (const r of refunds.filter((x) => x.status === 'COMPLETED')) {
      const ofPartner = (r.allocation?.lines ?? []).filter((l) => l.partnerId === partnerId).reduce((n, l) => n + l.amountWon, 0);
      if (ofPartner === 0) continue;
      const seen = partnerRefunds.find((p) => p.refund_id === r.id);
      if (!seen || seen.status !== 'COMPLETED' || seen.refunded_won !== ofPartner) problems.push(`refund ${r.id} (${r.requester_role}): business-service has ${seen ? `${seen.status} ${seen.refunded_won}` : 'nothing'}, user-service gave back ${ofPartner} of the partner's lines`);
    }
    for (const p of partnerRefunds) if (!refundById.has(p.refund_id)) problems.push(`partner refund ${p.refund_id} (${p.status}) unknown to user-service`);

    const done = refunds.filter((r) => r.status === 'COMPLETED');
    const refused: Record<string, number> = {};
    for (const r of refunds.filter((x) => x.status === 'REFUSED')) refused[r.refused_code ?? '?'] = (refused[r.refused_code ?? '?'] ?? 0) + 1;
    return {
      asked: asked.length,
      refusedAtEdge: asked.filter((a) => !a.id).length,
      completed: done.length,
      refused,
      refundedWon: done.reduce((n, r) => n + r.amount_won!, 0),
      ledgerRefundRows: ledger.filter((l) => l.kind === 'REFUND').length,
      sandboxCancels,
      sandboxRefundedWon,
      fullyRefunded,
      cancelled: requests.filter((q) => q.status === 'CANCELLED').length,
      problems,
    };
  }
}
