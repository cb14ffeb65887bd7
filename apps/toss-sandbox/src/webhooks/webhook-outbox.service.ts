import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { newTransmissionId } from '../common/ids';
import { formatKstWebhook } from '../common/kst';
import { SettingsService } from '../settings/settings.service';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

/** Webhook event types the sandbox sends. */
export type WebhookEventType = 'PAYMENT_STATUS_CHANGED' | 'BILLING_DELETED';

/**
 * Records webhook events in the same transaction as the change they report (so an event exists
 * exactly when the change committed); the dispatcher sends them. Nothing is recorded while no
 * webhook URL is configured, as with Toss.
 */
@Injectable()
export class WebhookOutboxService {
  constructor(
    private readonly settings: SettingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Adds an event to send; `data` is the event's payload (a Payment, or `{billingKey, reason}`). */
  async add(em: EntityManager, eventType: WebhookEventType, data: object): Promise<void> {
    const url = this.settings.current.webhookUrl;
    if (!url) return;
    const now = this.clock.now();
    await em.insert(WebhookDeliveryEntity, {
      eventType,
      payload: { eventType, createdAt: formatKstWebhook(now), data },
      url,
      transmissionId: newTransmissionId(),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastStatus: null,
      lastError: null,
      createdAt: now,
      deliveredAt: null,
    });
  }
}
