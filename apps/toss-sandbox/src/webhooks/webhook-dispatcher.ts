import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, type Repository } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { formatKst } from '../common/kst';
import { SANDBOX_OPTIONS, type SandboxModuleOptions } from '../sandbox-options';
import { SettingsService } from '../settings/settings.service';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { isWebhookDelivered, nextWebhookAttempt } from './webhook-retry.rules';

/**
 * Sends due webhook deliveries with Toss's headers and retry schedule. Due times follow the
 * injected clock, so moving a shared clock forward makes pending retries due. One dispatcher per
 * database is assumed (the sandbox runs as a single instance).
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('toss-sandbox:webhooks');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private pass: Promise<void> = Promise.resolve();

  constructor(
    @InjectRepository(WebhookDeliveryEntity) private readonly repo: Repository<WebhookDeliveryEntity>,
    private readonly settings: SettingsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.deliverDue()
        .catch((e: unknown) => this.logger.error(`webhook dispatch failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.options.webhookPollMs);
  }

  /** Sends every delivery that is due now, oldest first (one pass at a time, so none is sent twice at once). */
  deliverDue(): Promise<void> {
    const pass = this.pass.then(() => this.deliverDueNow());
    this.pass = pass.catch(() => undefined);
    return pass;
  }

  private async deliverDueNow(): Promise<void> {
    const due = await this.repo.find({
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(this.clock.now()) },
      order: { id: 'ASC' },
      take: 20,
    });
    for (const delivery of due) {
      if (this.stopped) return;
      await this.attempt(delivery);
    }
  }

  private async attempt(delivery: WebhookDeliveryEntity): Promise<void> {
    const settings = this.settings.current;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), settings.webhookTimeoutMs);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'tosspayments-webhook-transmission-time': formatKst(this.clock.now()),
          'tosspayments-webhook-transmission-retried-count': String(delivery.attempts),
          'tosspayments-webhook-transmission-id': delivery.transmissionId,
        },
        body: JSON.stringify(delivery.payload),
        signal: controller.signal,
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (e) {
      error = controller.signal.aborted ? `no answer within ${settings.webhookTimeoutMs} ms` : e instanceof Error ? e.message : String(e);
    } finally {
      clearTimeout(timer);
    }

    const attempts = delivery.attempts + 1;
    const now = this.clock.now();
    if (status !== null && isWebhookDelivered(status)) {
      await this.repo.update({ id: delivery.id }, { status: 'delivered', attempts, lastStatus: status, lastError: null, deliveredAt: now, nextAttemptAt: null });
      return;
    }
    const next = nextWebhookAttempt(now, attempts, settings.webhookRetryScale);
    await this.repo.update(
      { id: delivery.id },
      { status: next ? 'pending' : 'failed', attempts, lastStatus: status, lastError: error ?? `HTTP ${status}`, nextAttemptAt: next },
    );
  }
}
