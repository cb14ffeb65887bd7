import { Body, Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CLOCK, type Clock } from '../clock';
import { TossApiException } from '../common/toss-errors';
import { renderBillingAuthPage, type BillingAuthParams } from './billing-auth-page';
import { CUSTOMER_KEY_PATTERN } from './billing-requests';
import { BillingKeysService } from './billing-keys.service';
import { registerCard } from './card-registration';

const httpUrl = z.url({ protocol: /^https?$/ });
const paramsSchema = z.object({
  customerKey: z.string().regex(CUSTOMER_KEY_PATTERN),
  successUrl: httpUrl,
  failUrl: httpUrl,
  customerName: z.string().max(100).optional(),
  customerEmail: z.string().max(100).optional(),
  // The SDK's client key; only test keys make sense against the sandbox.
  clientKey: z.string().regex(/^test_g?ck_/).optional(),
});

const formSchema = paramsSchema.extend({
  action: z.enum(['submit', 'cancel']).default('submit'),
  cardNumber: z.string().default(''),
  expirationMonth: z.string().default(''),
  expirationYear: z.string().default(''),
  identityNumber: z.string().default(''),
  otp: z.string().default(''),
});

/**
 * The billing-auth window (what `payment.requestBillingAuth({method: 'CARD', …})` opens): a card
 * form that redirects to successUrl with customerKey and authKey, or to failUrl with code and message.
 */
@Controller('window/billing-auth')
export class BillingAuthController {
  constructor(
    private readonly billingKeys: BillingKeysService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Shows the card form. */
  @Get()
  show(@Query() query: unknown, @Res() reply: FastifyReply): void {
    const params = paramsSchema.safeParse(query);
    if (!params.success) {
      this.page(reply, 400, `<p>Invalid window parameters: ${params.error.issues.map((i) => i.path.join('.')).join(', ')}</p>`);
      return;
    }
    this.page(reply, 200, renderBillingAuthPage(params.data));
  }

  /** Registers the card (or cancels) and redirects like the real window. */
  @Post()
  async submit(@Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const form = formSchema.safeParse(body);
    if (!form.success) {
      this.page(reply, 400, '<p>Invalid window form.</p>');
      return;
    }
    const params: BillingAuthParams = form.data;
    if (form.data.action === 'cancel') {
      this.redirect(reply, params.failUrl, { code: 'PAY_PROCESS_CANCELED', message: '사용자에 의해 결제가 취소되었습니다.' });
      return;
    }
    if (form.data.otp !== '000000') {
      this.page(reply, 400, renderBillingAuthPage(params, '본인인증 번호가 올바르지 않습니다. (테스트: 000000)'));
      return;
    }
    try {
      const card = registerCard(form.data, this.clock.now());
      const authKey = await this.billingKeys.createAuthKey(params.customerKey, card);
      this.redirect(reply, params.successUrl, { customerKey: params.customerKey, authKey });
    } catch (error) {
      if (!(error instanceof TossApiException)) throw error;
      // The card company refusing goes back to the merchant; typing mistakes stay in the window.
      if (error.code === 'REJECT_CARD_COMPANY') this.redirect(reply, params.failUrl, { code: error.code, message: error.message });
      else this.page(reply, 400, renderBillingAuthPage(params, error.message));
    }
  }

  private redirect(reply: FastifyReply, base: string, query: Record<string, string>): void {
    // Query parameters already on the merchant's URL are kept.
    const url = new URL(base);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    void reply.status(302).header('location', url.toString()).send();
  }

  private page(reply: FastifyReply, status: number, html: string): void {
    void reply.status(status).type('text/html; charset=utf-8').send(html);
  }
}
