import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { LOGGER, type Logger } from '@roastery/observability';
import { Scheduler } from '@roastery/scheduler';
import { parseTossWebhook, TossApiError, TossClient } from '@roastery/toss';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { PaymentMethodsService } from '../payment-methods/payment-methods.service';
import { TossPaymentObservers } from './toss-payment-observers';
import { TossWebhookEvent } from './toss-webhook-event.entity';

const MAX_ATTEMPTS = 20;

/**
 * Handles received webhooks after the 200 has gone out (Toss wants an answer within 10 s).
 * Card webhooks are unsigned, so nothing in the body is trusted: a payment is fetched from Toss
 * and the fetched state is what the ledger sees; a deleted billing key is matched by its digest.
 */
@Injectable()
export class TossWebhookProcessor implements OnModuleInit {
  static readonly JOB = 'webhooks.toss.retry';

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly toss: TossClient,
    private readonly observers: TossPaymentObservers,
    private readonly paymentMethods: PaymentMethodsService,
    private readonly scheduler: Scheduler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.scheduler.every(TossWebhookProcessor.JOB, 10_000, () => this.handlePending());
  }

  /** Handles one stored event; failures are recorded and left for the retry job. */
  async handle(id: string): Promise<void> {
    const repo = this.ds.getRepository(TossWebhookEvent);
    const event = await repo.findOneBy({ id, handledAt: IsNull() });
    if (!event) return;
    try {
      const outcome = await this.apply(event.body);
      await repo.update({ id, handledAt: IsNull() }, { handledAt: this.clock.now(), outcome, attempts: event.attempts + 1, lastError: null });
    } catch (error) {
      this.log.warn({ webhookEventId: id, eventType: event.eventType, err: error }, 'toss webhook handling failed; will retry');
      await repo.update({ id }, { attempts: event.attempts + 1, lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' });
    }
  }

  /** The job: events not yet handled (a crash, Toss unreachable during the re-fetch), oldest first. */
  async handlePending(): Promise<void> {
    const pending = await this.ds.getRepository(TossWebhookEvent).find({
      where: { handledAt: IsNull(), attempts: LessThan(MAX_ATTEMPTS) },
      select: { id: true },
      order: { receivedAt: 'ASC' },
      take: 100,
    });
    for (const { id } of pending) await this.handle(id);
  }

  private async apply(body: unknown): Promise<string> {
    const event = parseTossWebhook(body);
    switch (event.eventType) {
      case 'PAYMENT_STATUS_CHANGED': {
        const payment = await this.toss.getPayment(event.data.paymentKey).catch((error: unknown) => {
          // Toss does not know it: a forged or mistaken delivery. Nothing to do, nothing to retry.
          if (error instanceof TossApiError && error.code === 'NOT_FOUND_PAYMENT') return null;
          throw error;
        });
        return payment ? this.observers.notify(payment) : 'UNKNOWN_PAYMENT';
      }
      case 'BILLING_DELETED':
        return this.paymentMethods.applyDeletedAtToss(event.data.billingKey);
      default:
        return 'IGNORED';
    }
  }
}
