import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { refundCompleted, refundRefused } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import { LOGGER, type Logger } from '@roastery/observability';
import { uuidv7 } from '@roastery/persistence';
import { Scheduler } from '@roastery/scheduler';
import { type TossCancel, TossApiError, TossClient, type TossPayment } from '@roastery/toss';
import { DataSource, type EntityManager } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { NotificationsService } from '../notifications/notifications.service';
import { Order } from '../orders/order.entity';
import { OrderLine } from '../orders/order-line.entity';
import { OrderShippingFee } from '../orders/order-shipping-fee.entity';
import { Refund } from './refund.entity';
import { cancelReasonOf, refundIdempotencyKey, refundTag } from './refund-identity';
import { planRefund, type RefusalCode } from './refund-plan.rules';
import { RefundsService } from './refunds.service';

type Step = 'done' | 'retry' | 'later';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Works the refund queue of each payment, one refund at a time (docs/adr/0019-refunds.md):
 * a lease on the payment's `refund_queues` row makes one worker the only sender; each refund is
 * validated against the ledger when its turn comes, committed PENDING with its amount and
 * Idempotency-Key before Toss is called, and spaced at least REFUND_MIN_SPACING_MS after the
 * previous cancel of the payment. A lost answer is settled by looking the payment up and by
 * re-sending the same key, so nothing is refunded twice.
 */
@Injectable()
export class RefundProcessor implements OnModuleInit, OnModuleDestroy {
  static readonly JOB = 'refunds.drain';
  #stopped = false;
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly toss: TossClient,
    private readonly refunds: RefundsService,
    private readonly outbox: Outbox,
    private readonly notices: NotificationsService,
    private readonly scheduler: Scheduler,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.scheduler.every(RefundProcessor.JOB, this.config.REFUND_DRAIN_INTERVAL_MS, () => this.drainAll().then(() => undefined));
  }

  onModuleDestroy(): void {
    this.#stopped = true;
    for (const t of this.#timers) clearTimeout(t);
  }

  /** Drains one order's queue shortly (after the caller's transaction has committed, usually). */
  kickSoon(orderId: string): void {
    if (this.#stopped) return;
    const t = setTimeout(() => {
      this.#timers.delete(t);
      this.drain(orderId).catch((err: unknown) => this.log.error({ err, orderId }, 'refund queue drain failed'));
    }, 50);
    this.#timers.add(t);
  }

  /** Drains every queue with work left whose lease is free; returns how many queues were looked at. */
  async drainAll(): Promise<number> {
    const rows: { order_id: string }[] = await this.ds.query(
      `SELECT q.order_id FROM refund_queues q
        WHERE (q.lease_until IS NULL OR q.lease_until < clock_timestamp())
          AND EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = q.order_id AND r.status IN ('QUEUED', 'PENDING'))
        LIMIT 100`,
    );
    await Promise.all(rows.map((r) => this.drain(r.order_id)));
    return rows.length;
  }

  /** Works one payment's queue until it is empty or waits on an outcome; a no-op when another worker holds it. */
  async drain(orderId: string): Promise<void> {
    for (let pass = 0; pass < 10 && !this.#stopped; pass++) {
      if (!(await this.claim(orderId))) return;
      let step: Step;
      try {
        step = await this.work(orderId);
      } finally {
        await this.ds.query(`UPDATE refund_queues SET lease_until = NULL WHERE order_id = $1`, [orderId]);
      }
      if (step === 'later') return;
      // A request queued while we held the lease saw it taken and left the work to us.
      const [{ open }]: { open: boolean }[] = await this.ds.query(`SELECT EXISTS (SELECT 1 FROM refunds WHERE order_id = $1 AND status IN ('QUEUED', 'PENDING')) AS open`, [orderId]);
      if (!open) return;
    }
  }

  private get leaseMs(): number {
    return this.config.TOSS_CHARGE_TIMEOUT_MS + 30_000;
  }

  private async claim(orderId: string): Promise<boolean> {
    const [{ n }]: { n: number }[] = await this.ds.query(
      `WITH c AS (
         UPDATE refund_queues SET lease_until = clock_timestamp() + $2 * interval '1 millisecond'
          WHERE order_id = $1 AND (lease_until IS NULL OR lease_until < clock_timestamp()) RETURNING order_id)
       SELECT count(*)::int AS n FROM c`,
      [orderId, this.leaseMs],
    );
    return n === 1;
  }

  private async work(orderId: string): Promise<Step> {
    let waits = 0;
    while (!this.#stopped) {
      const next = await this.ds.getRepository(Refund).createQueryBuilder('r').where(`r.order_id = :orderId AND r.status IN ('QUEUED', 'PENDING')`, { orderId }).orderBy(`r.status = 'PENDING'`, 'DESC').addOrderBy('r.seq', 'ASC').getOne();
      if (!next) return 'done';
      let refund: Refund | null = next;
      if (refund.status === 'QUEUED') {
        refund = await this.decide(refund.id);
        if (!refund) continue;
      }
      const step = refund.sentAt === null ? await this.send(refund) : await this.resolve(refund);
      if (step === 'done') {
        waits = 0;
        continue;
      }
      if (++waits > 5) return 'later';
      if (step === 'later') await sleep(1_000);
    }
    return 'later';
  }

  /** Validates a QUEUED refund against the ledger and the lines now; returns it PENDING, or null when refused. */
  private async decide(refundId: string): Promise<Refund | null> {
    return this.ds.transaction(async (em) => {
      const [queue]: { payment_key: string; blocked_reason: string | null }[] = await em.query(
        `SELECT q.payment_key, q.blocked_reason FROM refund_queues q JOIN refunds r ON r.order_id = q.order_id WHERE r.id = $1 FOR UPDATE OF q`,
        [refundId],
      );
      const r = await em.findOne(Refund, { where: { id: refundId }, lock: { mode: 'pessimistic_write' } });
      if (!r || r.status !== 'QUEUED' || !queue) return null;
      if (queue.blocked_reason) {
        await this.refuse(em, r, 'PROVIDER_REFUSED', `refunds of this payment are stopped until an operator reconciles it: ${queue.blocked_reason}`, false);
        return null;
      }
      const order = await em.findOneByOrFail(Order, { id: r.orderId });
      const [lines, fees, totals] = await Promise.all([
        em.find(OrderLine, { where: { orderId: r.orderId }, order: { position: 'ASC' } }),
        em.find(OrderShippingFee, { where: { orderId: r.orderId }, order: { partnerId: 'ASC' } }),
        this.refunds.totals(em, r.orderId),
      ]);
      // Shipping fees in the order their partners' first lines appear: deterministic, like the lines.
      const partnerOrder = [...new Set(lines.map((l) => l.partnerId))];
      fees.sort((a, b) => partnerOrder.indexOf(a.partnerId) - partnerOrder.indexOf(b.partnerId));
      const plan = planRefund({
        role: r.requesterRole,
        partnerId: r.requesterPartnerId,
        requestedWon: r.requestedAmountWon,
        paid: order.status === 'PAID',
        confirmed: order.confirmedAt !== null,
        balanceWon: totals.balanceWon,
        lines: lines.map((l) => ({ id: l.id, partnerId: l.partnerId, lineTotalWon: l.lineTotalWon, refundedWon: totals.lineRefunds.get(l.id) ?? 0 })),
        shipping: fees.map((f) => ({ partnerId: f.partnerId, feeWon: f.feeWon, refundedWon: totals.shippingRefunds.get(f.partnerId) ?? 0 })),
        partnerLimitWon: this.config.PARTNER_REFUND_LIMIT_WON,
      });
      if (!plan.ok) {
        await this.refuse(em, r, plan.code, plan.message, false);
        return null;
      }
      const update = {
        status: 'PENDING' as const,
        amountWon: plan.amountWon,
        allocation: plan.allocation,
        refundableBeforeWon: totals.balanceWon,
        sendNo: 0,
        idempotencyKey: refundIdempotencyKey(r.id, 0),
      };
      await em.update(Refund, { id: r.id }, update);
      return { ...r, ...update };
    });
  }

  /** Sends the refund's cancel to Toss, spaced after the payment's previous cancel. */
  private async send(r: Refund): Promise<Step> {
    const [q]: { payment_key: string; wait_ms: number }[] = await this.ds.query(
      `SELECT payment_key, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (last_sent_at + $2 * interval '1 millisecond' - clock_timestamp())) * 1000))::int AS wait_ms
         FROM refund_queues WHERE order_id = $1`,
      [r.orderId, this.config.REFUND_MIN_SPACING_MS],
    );
    if (!q) return 'later';
    if (q.wait_ms > 0) await sleep(q.wait_ms);
    // Toss counts the burst window from arrival: note the send first, and that it may have reached Toss.
    await this.ds.query(`UPDATE refund_queues SET last_sent_at = clock_timestamp(), lease_until = clock_timestamp() + $2 * interval '1 millisecond' WHERE order_id = $1`, [r.orderId, this.leaseMs]);
    await this.ds.query(`UPDATE refunds SET sent_at = coalesce(sent_at, $2) WHERE id = $1`, [r.id, this.clock.now()]);
    r.sentAt ??= this.clock.now();
    try {
      const payment = await this.toss.cancelPayment(
        q.payment_key,
        { cancelReason: cancelReasonOf(r.reason, r.id), cancelAmount: r.amountWon!, refundableAmount: r.refundableBeforeWon! },
        { idempotencyKey: r.idempotencyKey! },
      );
      const entry = payment.cancels?.find((c) => c.transactionKey === payment.lastTransactionKey) ?? (await this.ours(r, payment));
      if (!entry) {
        this.log.error({ refundId: r.id, paymentKey: q.payment_key }, 'Toss answered the cancel without a cancel entry of ours; resolving by lookup');
        return 'later';
      }
      await this.complete(r, entry, payment.balanceAmount);
      return 'done';
    } catch (error) {
      return this.afterSendError(r, error);
    }
  }

  private async afterSendError(r: Refund, error: unknown): Promise<Step> {
    if (error instanceof TossApiError && error.code === 'NOT_MATCHES_REFUNDABLE_AMOUNT') {
      // Toss's balance moved since we planned. It may have moved by this very refund: an earlier send
      // still on its way when a transient refusal made us take a new key lands first. Look before refusing.
      let payment: TossPayment;
      try {
        payment = await this.toss.getPayment((await this.ds.query(`SELECT payment_key FROM refund_queues WHERE order_id = $1`, [r.orderId]))[0].payment_key);
      } catch (err) {
        this.log.warn({ refundId: r.id, err }, 'payment lookup failed after NOT_MATCHES_REFUNDABLE_AMOUNT; will try again');
        return 'later';
      }
      const entry = await this.ours(r, payment);
      if (entry) {
        this.log.warn({ refundId: r.id, transactionKey: entry.transactionKey }, 'an earlier send of this refund took effect at Toss; recording it');
        await this.complete(r, entry, payment.balanceAmount);
        return 'done';
      }
      // Our ledger and Toss disagree on the balance: stop this payment's refunds for an operator, never guess.
      this.log.error({ refundId: r.id, orderId: r.orderId, refundableBeforeWon: r.refundableBeforeWon, err: error }, 'refund refused: our ledger balance does not match Toss; payment needs an operator');
      await this.ds.transaction(async (em) => {
        await em.query(`UPDATE refund_queues SET blocked_reason = $2 WHERE order_id = $1`, [r.orderId, `NOT_MATCHES_REFUNDABLE_AMOUNT on refund ${r.id}`]);
        await this.refuse(em, r, 'PROVIDER_REFUSED', 'the payment provider’s balance differs from ours; an operator will reconcile it', true);
      });
      return 'done';
    }
    if (error instanceof TossApiError && error.code === 'IDEMPOTENT_REQUEST_PROCESSING') return 'later';
    if (error instanceof TossApiError && (error.code === 'FORBIDDEN_CONSECUTIVE_REQUEST' || error.category === 'transient')) {
      // Toss did nothing, and would replay this error for the same key: the next send gets a new key.
      await this.ds.query(`UPDATE refunds SET send_no = send_no + 1, idempotency_key = $2, sent_at = NULL WHERE id = $1 AND status = 'PENDING'`, [r.id, refundIdempotencyKey(r.id, r.sendNo + 1)]);
      this.log.warn({ refundId: r.id, code: error.code }, 'Toss did not process the cancel; sending again with a new key');
      return 'retry';
    }
    if (error instanceof TossApiError && !error.outcomeUnknown) {
      this.log.warn({ refundId: r.id, code: error.code }, 'Toss refused the refund');
      await this.ds.transaction((em) => this.refuse(em, r, 'PROVIDER_REFUSED', `the payment provider refused: ${error.code}`, false));
      return 'done';
    }
    this.log.warn({ refundId: r.id, err: error }, 'refund outcome unknown; resolving by lookup');
    return this.resolve(r, false);
  }

  /**
   * Settles a refund that may have reached Toss: the payment's cancels either hold ours (completed
   * now), or not — then the same request goes again under the same key (Toss replays, says it is
   * still running, or performs it once).
   */
  private async resolve(r: Refund, resend = true): Promise<Step> {
    const [q]: { payment_key: string }[] = await this.ds.query(`SELECT payment_key FROM refund_queues WHERE order_id = $1`, [r.orderId]);
    let payment: TossPayment;
    try {
      payment = await this.toss.getPayment(q!.payment_key);
    } catch (err) {
      this.log.warn({ refundId: r.id, err }, 'payment lookup failed; will try again');
      return 'later';
    }
    const entry = await this.ours(r, payment);
    if (entry) {
      await this.complete(r, entry, payment.balanceAmount);
      return 'done';
    }
    return resend ? this.send(r) : 'later';
  }

  /** Our cancel among the payment's: tagged with our refund id (or, failing that, our amount against our balance), not yet recorded. */
  private async ours(r: Refund, payment: TossPayment): Promise<TossCancel | null> {
    const known = new Set(
      ((await this.ds.query(`SELECT toss_transaction_key FROM refunds WHERE order_id = $1 AND toss_transaction_key IS NOT NULL`, [r.orderId])) as { toss_transaction_key: string }[]).map(
        (x) => x.toss_transaction_key,
      ),
    );
    const fresh = (payment.cancels ?? []).filter((c) => !known.has(c.transactionKey) && c.cancelAmount === r.amountWon);
    return (
      fresh.find((c) => c.cancelReason?.includes(refundTag(r.id))) ??
      fresh.find((c) => !c.cancelReason?.includes('[rf:') && c.refundableAmount === r.refundableBeforeWon! - r.amountWon!) ??
      null
    );
  }

  /** Records a refund Toss made: the ledger row, the refund COMPLETED, refund.completed and a notice — once. */
  private async complete(r: Refund, cancel: TossCancel, tossBalanceWon: number): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em.query(`SELECT 1 FROM refund_queues WHERE order_id = $1 FOR UPDATE`, [r.orderId]);
      const current = await em.findOne(Refund, { where: { id: r.id }, lock: { mode: 'pessimistic_write' } });
      if (!current || current.status !== 'PENDING') return;
      if (cancel.cancelAmount !== current.amountWon) {
        this.log.error({ refundId: r.id, tossAmount: cancel.cancelAmount, ours: current.amountWon }, 'Toss cancelled another amount than asked; recording what Toss did');
      }
      const now = this.clock.now();
      await recordRefund(em, this.outbox, this.notices, { ...current, amountWon: cancel.cancelAmount }, cancel, now);
      const [{ balance }]: { balance: number }[] = await em.query(`SELECT coalesce(sum(amount_won), 0)::int AS balance FROM payment_ledger WHERE order_id = $1`, [r.orderId]);
      if (balance !== tossBalanceWon) this.log.error({ orderId: r.orderId, ledgerBalance: balance, tossBalance: tossBalanceWon }, 'ledger balance differs from Toss after a refund');
    });
  }

  /** Refuses a refund with a `refund.refused` code, in the caller's transaction. */
  private async refuse(em: EntityManager, r: Refund, code: RefusalCode, message: string, needsOperator: boolean): Promise<void> {
    const now = this.clock.now();
    await em.update(Refund, { id: r.id }, { status: 'REFUSED', refusedCode: code, refusedMessage: message, needsOperator, decidedAt: now });
    await this.outbox.add(em, refundRefused, {
      aggregateId: r.id,
      aggregateVersion: 2,
      payload: { refundId: r.id, orderId: r.orderId, code, message, refusedAt: now.toISOString() },
    });
  }
}

/**
 * Writes a refund Toss made: its negative ledger row, the refund COMPLETED with Toss's transaction
 * key, `refund.completed` (outbox, same transaction) and the REFUNDED notice. Shared with the
 * observer of cancels made at Toss outside us.
 */
export async function recordRefund(em: EntityManager, outbox: Outbox, notices: NotificationsService, r: Refund, cancel: TossCancel, now: Date): Promise<void> {
  const amount = r.amountWon!;
  const [charge]: { account_id: string; payment_key: string; toss_order_id: string }[] = await em.query(
    `SELECT account_id, payment_key, toss_order_id FROM payment_ledger WHERE order_id = $1 AND kind = 'CHARGE'`,
    [r.orderId],
  );
  if (!charge) throw new Error(`refund ${r.id}: order ${r.orderId} has no charge in the ledger`);
  await em.query(
    `INSERT INTO payment_ledger (id, order_id, account_id, kind, amount_won, payment_key, toss_order_id, refund_id, occurred_at)
     VALUES ($1, $2, $3, 'REFUND', $4, $5, $6, $7, $8)`,
    [uuidv7(now.getTime()), r.orderId, charge.account_id, -amount, charge.payment_key, charge.toss_order_id, r.id, Number.isNaN(Date.parse(cancel.canceledAt)) ? now : new Date(cancel.canceledAt)],
  );
  await em.update(Refund, { id: r.id }, { status: 'COMPLETED', amountWon: amount, tossTransactionKey: cancel.transactionKey, decidedAt: now });
  const [{ balance }]: { balance: number }[] = await em.query(`SELECT coalesce(sum(amount_won), 0)::int AS balance FROM payment_ledger WHERE order_id = $1`, [r.orderId]);
  const order = await em.findOneByOrFail(Order, { id: r.orderId });
  await outbox.add(em, refundCompleted, {
    aggregateId: r.id,
    aggregateVersion: 2,
    payload: {
      refundId: r.id,
      orderId: r.orderId,
      userId: order.accountId,
      paymentKey: charge.payment_key,
      amountWon: amount,
      lines: r.allocation?.lines ?? [],
      shippingWon: (r.allocation?.shipping ?? []).reduce((n, s) => n + s.amountWon, 0),
      balanceWon: Math.max(0, balance),
      reason: r.reason,
      requestedBy: { role: r.requesterRole, userId: r.requesterUserId, partnerId: r.requesterPartnerId },
      completedAt: now.toISOString(),
    },
  });
  await notices.notify(em, {
    accountId: order.accountId,
    kind: 'REFUNDED',
    dedupeKey: `refunded:${r.id}`,
    data: { orderId: order.id, itemName: order.orderName, amountWon: amount, reason: r.reason.slice(0, 200) },
  });
}
