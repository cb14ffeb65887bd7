import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { LOGGER, type Logger } from '@roastery/observability';
import { Scheduler } from '@roastery/scheduler';
import { TossApiError, TossClient } from '@roastery/toss';
import { DataSource } from 'typeorm';
import { BillingKeyVault } from './billing-key-vault';
import { PaymentMethod } from './payment-method.entity';

/**
 * Deletes removed cards' billing keys at Toss. The removal commits first (the card disappears for
 * its owner at once); Toss is called after, and cards Toss has not confirmed are retried by a job,
 * so a Toss outage delays the deletion but never loses it.
 */
@Injectable()
export class BillingKeyDeletion implements OnModuleInit {
  static readonly JOB = 'payment-methods.finish-deletions';

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly toss: TossClient,
    private readonly vault: BillingKeyVault,
    private readonly scheduler: Scheduler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.scheduler.every(BillingKeyDeletion.JOB, 60_000, () => this.finishPending());
  }

  /** Deletes one DELETING card at Toss; false when Toss could not be reached (the job retries). */
  async finish(id: string): Promise<boolean> {
    const method = await this.ds.getRepository(PaymentMethod).findOneBy({ id, status: 'DELETING' });
    if (!method?.billingKeyEnc) return true;
    try {
      await this.toss.deleteBillingKey(this.vault.open(method.id, method.billingKeyEnc), { idempotencyKey: `pm-delete-${method.id}` });
    } catch (error) {
      // Already gone at Toss (deleted by a retry whose answer was lost, or by the card company).
      if (!(error instanceof TossApiError && error.code === 'NOT_FOUND_BILLING')) {
        this.log.warn({ paymentMethodId: id, err: error }, 'billing key deletion at Toss failed; will retry');
        return false;
      }
    }
    await this.markDeleted(id);
    return true;
  }

  /** Records that Toss no longer holds the card's billing key, and forgets the key. */
  async markDeleted(id: string): Promise<void> {
    await this.ds
      .getRepository(PaymentMethod)
      .update({ id }, { status: 'DELETED', isDefault: false, billingKeyEnc: null, billingKeyKid: null, deletedAt: this.clock.now() });
  }

  /** The job: every card still waiting for Toss, oldest first. */
  async finishPending(): Promise<void> {
    const pending = await this.ds.getRepository(PaymentMethod).find({ where: { status: 'DELETING' }, select: { id: true }, order: { createdAt: 'ASC' }, take: 100 });
    for (const { id } of pending) {
      if (!(await this.finish(id))) return;
    }
  }
}
