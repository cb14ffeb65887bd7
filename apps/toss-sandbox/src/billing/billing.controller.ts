import { Body, Controller, Delete, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { TossBilling, TossPayment } from '@roastery/toss';
import type { SandboxRequest } from '../common/sandbox-request';
import { TossApi } from '../common/toss-api.decorator';
import { BillingKeysService } from './billing-keys.service';
import { ChargeService } from './charge.service';

/** The billing endpoints of the Toss core API. */
@TossApi()
@Controller('v1/billing')
export class BillingController {
  constructor(
    private readonly billingKeys: BillingKeysService,
    private readonly charges: ChargeService,
  ) {}

  /** Exchanges the window's authKey for a billing key. */
  @Post('authorizations/issue')
  @HttpCode(200)
  issue(@Body() body: unknown): Promise<TossBilling> {
    return this.billingKeys.issueFromAuthKey(body);
  }

  /** Issues a billing key from raw card data (the closed server-to-server flow). */
  @Post('authorizations/card')
  @HttpCode(200)
  issueFromCard(@Body() body: unknown): Promise<TossBilling> {
    return this.billingKeys.issueFromCard(body);
  }

  /** Charges a billing key. */
  @Post(':billingKey')
  @HttpCode(200)
  charge(@Param('billingKey') billingKey: string, @Body() body: unknown, @Req() req: SandboxRequest): Promise<TossPayment> {
    return this.charges.charge(billingKey, body, () => {
      req.dropResponse = true;
    });
  }

  /** Deletes a billing key (200, empty body). */
  @Delete(':billingKey')
  @HttpCode(200)
  remove(@Param('billingKey') billingKey: string): Promise<void> {
    return this.billingKeys.delete(billingKey);
  }
}
