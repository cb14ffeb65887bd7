import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessageEnvelope, Page } from '@roastery/contracts';
import { ApiException, notFound } from '@roastery/http';
import type { DeadLetter, DeadLetterCollector } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import { createHash } from 'node:crypto';
import { DataSource, IsNull, Not } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { DeadLetterRecord } from './dead-letter-record.entity';

/** One dead letter as an admin sees it. */
export interface DeadLetterDto {
  id: string;
  queue: string;
  originalQueue: string;
  messageId: string | null;
  type: string | null;
  reason: string;
  handler: string;
  attempt: number;
  failedAt: string;
  receivedAt: string;
  replayedAt: string | null;
  replayCount: number;
  envelope: Record<string, unknown> | null;
  /** The raw body, shown when it was not a valid envelope. */
  body: string;
}

/** Stores dead letters from every service's dead-letter queue and replays them on request. */
@Injectable()
export class DeadLettersService {
  private collector?: DeadLetterCollector;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  /** Called by the collector runtime once it is connected. */
  attach(collector: DeadLetterCollector): void {
    this.collector = collector;
  }

  /** Stores one collected letter (idempotent: the same letter twice is stored once). */
  async store(letter: DeadLetter): Promise<void> {
    const dedupeKey = createHash('sha256').update(`${letter.queue}\n${letter.failedAt}\n${letter.attempt}\n${letter.body}`).digest('hex');
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(DeadLetterRecord)
      .values({
        id: uuidv7(),
        dedupeKey,
        queue: letter.queue,
        originalQueue: letter.originalQueue,
        messageId: letter.envelope?.id ?? null,
        type: letter.envelope?.type ?? null,
        body: letter.body,
        envelope: (letter.envelope ?? null) as never,
        reason: letter.reason,
        handler: letter.handler,
        attempt: letter.attempt,
        failedAt: new Date(letter.failedAt),
        receivedAt: new Date(),
        replayedAt: null,
        replayCount: 0,
      })
      .orIgnore()
      .execute();
  }

  async list(status: 'open' | 'replayed' | undefined, page: number, size: number): Promise<Page<DeadLetterDto>> {
    const where = status === 'open' ? { replayedAt: IsNull() } : status === 'replayed' ? { replayedAt: Not(IsNull()) } : {};
    const [rows, total] = await this.ds.getRepository(DeadLetterRecord).findAndCount({ where, order: { receivedAt: 'DESC', id: 'DESC' }, skip: (page - 1) * size, take: size });
    return { items: rows.map(toDto), page, size, total };
  }

  /**
   * Sends the letter's envelope, unchanged (same id), back to the queue it failed in. If the
   * handler had in fact committed, the consumer's inbox makes the replay a no-op.
   */
  async replay(adminId: string, id: string): Promise<DeadLetterDto> {
    const record = await this.ds.getRepository(DeadLetterRecord).findOneBy({ id });
    if (!record) throw notFound('dead letter');
    if (!record.envelope) throw new ApiException(422, 'INVALID_STATE', 'this message is not a valid envelope; it cannot be replayed, only inspected');
    if (!this.collector) throw new ApiException(503, 'INTERNAL', 'the broker is not connected; try again shortly');
    await this.collector.replay({ originalQueue: record.originalQueue, envelope: record.envelope as unknown as MessageEnvelope });
    return this.ds.transaction(async (em) => {
      record.replayedAt = new Date();
      record.replayCount += 1;
      await em.save(record);
      await this.audit.record(em, { actorId: adminId, action: 'dead-letter.replay', targetType: 'dead-letter', targetId: id, details: { type: record.type, messageId: record.messageId, queue: record.originalQueue } });
      return toDto(record);
    });
  }
}

function toDto(r: DeadLetterRecord): DeadLetterDto {
  return {
    id: r.id,
    queue: r.queue,
    originalQueue: r.originalQueue,
    messageId: r.messageId,
    type: r.type,
    reason: r.reason,
    handler: r.handler,
    attempt: r.attempt,
    failedAt: r.failedAt.toISOString(),
    receivedAt: r.receivedAt.toISOString(),
    replayedAt: r.replayedAt?.toISOString() ?? null,
    replayCount: r.replayCount,
    envelope: r.envelope,
    body: r.body,
  };
}
