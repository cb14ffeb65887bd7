import { createHash } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import { badRequest, Public } from '@roastery/http';
import { uuidv7 } from '@roastery/persistence';
import { parseTossWebhook } from '@roastery/toss';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { TossWebhookProcessor } from './toss-webhook.processor';
import { TossWebhookEvent } from './toss-webhook-event.entity';

const envelopeSchema = z.looseObject({ eventType: z.string().min(1).max(100), createdAt: z.string().max(40), data: z.looseObject({}) });
const TRANSMISSION_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * POST /api/webhooks/toss. Stores the event and answers at once; handling (which calls Toss back)
 * happens after the answer, so a slow Toss lookup never makes Toss think the delivery failed.
 */
@ApiTags('webhooks')
@Controller('api/webhooks/toss')
export class TossWebhookController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly processor: TossWebhookProcessor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  async receive(@Body() body: unknown, @Headers('tosspayments-webhook-transmission-id') transmissionHeader: string | undefined): Promise<{ received: true }> {
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) throw badRequest('not a Toss webhook', z.treeifyError(envelope.error));
    try {
      parseTossWebhook(body);
    } catch (error) {
      throw badRequest(`malformed ${envelope.data.eventType} webhook`, error instanceof z.ZodError ? z.treeifyError(error) : undefined);
    }
    // A retried delivery repeats the transmission id; without the header, the body identifies it.
    const transmissionId =
      transmissionHeader && TRANSMISSION_ID.test(transmissionHeader) ? transmissionHeader : `body-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 40)}`;
    const id = uuidv7();
    const inserted = await this.ds
      .createQueryBuilder()
      .insert()
      .into(TossWebhookEvent)
      .values({ id, transmissionId, eventType: envelope.data.eventType, body: body as object, receivedAt: this.clock.now(), handledAt: null, attempts: 0, outcome: null, lastError: null })
      .orIgnore()
      .returning('id')
      .execute();
    if ((inserted.raw as unknown[]).length > 0) setImmediate(() => void this.processor.handle(id));
    return { received: true };
  }
}
