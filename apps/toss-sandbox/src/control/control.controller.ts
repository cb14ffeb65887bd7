import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BillingKeysService } from '../billing/billing-keys.service';
import { SlowChargeGate } from '../billing/slow-charge-gate';
import { TEST_CARDS } from '../billing/test-cards';
import { NO_FAULTS, type Faults, type SandboxSettings } from '../settings/sandbox-settings';
import { SettingsService } from '../settings/settings.service';
import { CLOCK, type Clock } from '../clock';
import { WebhookDeliveryEntity } from '../webhooks/webhook-delivery.entity';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';

/**
 * Sandbox-only controls, kept apart from the emulated API under /sandbox: settings, fault
 * injection, per-key scripted outcomes, held slow charges, webhook deliveries and a data reset.
 * Unauthenticated: the sandbox listens on 127.0.0.1 by default.
 */
@Controller('sandbox')
export class ControlController {
  constructor(
    private readonly settings: SettingsService,
    private readonly billingKeys: BillingKeysService,
    private readonly gate: SlowChargeGate,
    private readonly dispatcher: WebhookDispatcher,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The sandbox's business time: in shared-clock mode, the platform clock admins move forward. */
  @Get('clock')
  getClock(): { now: string } {
    return { now: this.clock.now().toISOString() };
  }

  /** The effective settings. */
  @Get('settings')
  getSettings(): SandboxSettings {
    return this.settings.current;
  }

  /** Changes some settings (persisted). */
  @Patch('settings')
  patchSettings(@Body() body: unknown): Promise<SandboxSettings> {
    return this.settings.patch(body);
  }

  /** Drops every run-time settings change. */
  @Delete('settings')
  resetSettings(): Promise<SandboxSettings> {
    return this.settings.reset();
  }

  /** The fault injection in force. */
  @Get('faults')
  getFaults(): Faults {
    return this.settings.current.faults;
  }

  /** Replaces the fault injection (omitted fields are off). */
  @Put('faults')
  async putFaults(@Body() body: unknown): Promise<Faults> {
    const faults = typeof body === 'object' && body !== null ? body : {};
    return (await this.settings.patch({ faults: { ...NO_FAULTS, ...faults } })).faults;
  }

  /** Turns fault injection off. */
  @Delete('faults')
  async clearFaults(): Promise<Faults> {
    return (await this.settings.patch({ faults: NO_FAULTS })).faults;
  }

  /** The test card numbers and what each scripts. */
  @Get('test-cards')
  testCards(): typeof TEST_CARDS {
    return TEST_CARDS;
  }

  /** Sets a billing key's standing outcome and/or its next one-shot outcomes. */
  @Put('billing-keys/:billingKey/script')
  script(@Param('billingKey') billingKey: string, @Body() body: unknown): Promise<unknown> {
    return this.billingKeys.script(billingKey, body);
  }

  /** Scripts every billing key of a customer (a test knows its customerKey, never its billing keys). */
  @Put('customers/:customerKey/script')
  scriptCustomer(@Param('customerKey') customerKey: string, @Body() body: unknown): Promise<unknown> {
    return this.billingKeys.scriptCustomer(customerKey, body);
  }

  /** How many "very slow" charges are being held. */
  @Get('pending-charges')
  pendingCharges(): { pending: number } {
    return { pending: this.gate.pending };
  }

  /** Lets every held slow charge finish now. */
  @Post('pending-charges/release')
  @HttpCode(200)
  release(): { released: number } {
    return { released: this.gate.releaseAll() };
  }

  /** Webhook deliveries, newest first. */
  @Get('webhooks')
  webhooks(): Promise<WebhookDeliveryEntity[]> {
    return this.dataSource.getRepository(WebhookDeliveryEntity).find({ order: { id: 'DESC' }, take: 200 });
  }

  /** Sends due webhook deliveries now (useful right after moving the clock). */
  @Post('webhooks/deliver')
  @HttpCode(200)
  async deliver(): Promise<{ ok: true }> {
    await this.dispatcher.deliverDue();
    return { ok: true };
  }

  /** Deletes all payments, keys and deliveries (settings are kept). */
  @Post('reset')
  @HttpCode(200)
  async reset(): Promise<{ ok: true }> {
    await this.dataSource.query(
      'TRUNCATE auth_keys, billing_keys, payments, payment_cancels, transactions, idempotency_records, webhook_deliveries',
    );
    return { ok: true };
  }
}
