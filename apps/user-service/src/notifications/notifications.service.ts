import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import {
  type NoticeData,
  noticeDataSchemas,
  type NoticeKind,
  type NotificationDto,
  type NotificationsPage,
  type NotificationsQuery,
  type ReadAllNotificationsResult,
} from '@roastery/contracts';
import { notFound } from '@roastery/http';
import { uuidv7 } from '@roastery/persistence';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { Notification } from './notification.entity';
import { renderNotice } from './templates';

/** A notice as a producer hands it over; `data` is checked against the kind's contract schema. */
export interface Notice<K extends NoticeKind = NoticeKind> {
  accountId: string;
  kind: K;
  dedupeKey: string;
  data: NoticeData[K];
}

/** Thrown by notify for data that breaks the kind's contract: a bug in the producer, so its transaction rolls back. */
export class InvalidNoticeError extends Error {
  constructor(kind: string, readonly issues: unknown) {
    super(`invalid ${kind} notice: ${JSON.stringify(issues)}`);
    this.name = 'InvalidNoticeError';
  }
}

const NEWEST_FIRST = { createdAt: 'DESC', id: 'DESC' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Notices to subscribers. Producers (billing, dunning, the order saga) call `notify` inside their
 * own transaction; the subscriber lists them and marks them read over HTTP.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records a notice in the caller's transaction (`em`), once per `dedupeKey`: a retried step that
   * notifies again with the same key inserts nothing, and a rolled-back step leaves no notice.
   * Build the key from what makes the notice unique, e.g. `PRE_CHARGE:<subscriptionId>:<billingDate>`
   * or `PAYMENT_FAILED:<subscriptionId>:<cycle>:<attempt>`. Throws InvalidNoticeError when `data`
   * breaks the kind's schema.
   */
  async notify<K extends NoticeKind>(em: EntityManager, notice: { accountId: string; kind: K; dedupeKey: string; data: NoticeData[K] }): Promise<void> {
    const schema = noticeDataSchemas[notice.kind] as (typeof noticeDataSchemas)[NoticeKind] | undefined;
    if (!schema) throw new InvalidNoticeError(notice.kind, 'unknown kind');
    const parsed = schema.safeParse(notice.data);
    if (!parsed.success) throw new InvalidNoticeError(notice.kind, parsed.error.issues);
    if (!notice.dedupeKey || notice.dedupeKey.length > 300) throw new InvalidNoticeError(notice.kind, 'dedupeKey must be 1–300 characters');
    const now = this.clock.now();
    await em.query(
      `INSERT INTO notifications (id, account_id, kind, data, dedupe_key, created_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [uuidv7(now.getTime()), notice.accountId, notice.kind, JSON.stringify(parsed.data), notice.dedupeKey, now],
    );
  }

  /** The account's notices, newest first (only unread ones with `unread`), with its unread count. */
  list(accountId: string, q: NotificationsQuery): Promise<NotificationsPage> {
    // One snapshot, so the page, its total and the unread count agree.
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      const where = q.unread ? { accountId, readAt: IsNull() } : { accountId };
      const [rows, total] = await em.findAndCount(Notification, { where, order: NEWEST_FIRST, skip: (q.page - 1) * q.size, take: q.size });
      const unread = q.unread ? total : await em.count(Notification, { where: { accountId, readAt: IsNull() } });
      return { items: rows.map(toNotificationDto), page: q.page, size: q.size, total, unread };
    });
  }

  /** Marks one of the account's notices read (again: nothing changes); 404 for any other id. */
  markRead(accountId: string, id: string): Promise<NotificationDto> {
    return this.ds.transaction(async (em) => {
      const found = UUID.test(id) ? await em.findOne(Notification, { where: { id, accountId } }) : null;
      if (!found) throw notFound('notification');
      if (found.readAt === null) {
        // The first read wins when two arrive at once; the answer shows the stored time.
        await em.update(Notification, { id, readAt: IsNull() }, { readAt: this.clock.now() });
        return toNotificationDto(await em.findOneOrFail(Notification, { where: { id } }));
      }
      return toNotificationDto(found);
    });
  }

  /** Marks every unread notice of the account read. */
  markAllRead(accountId: string): Promise<ReadAllNotificationsResult> {
    return this.ds.transaction(async (em) => {
      const result = await em.update(Notification, { accountId, readAt: IsNull() }, { readAt: this.clock.now() });
      const unread = await em.count(Notification, { where: { accountId, readAt: IsNull() } });
      return { marked: result.affected ?? 0, unread };
    });
  }

  /** Account deletion: removes the account's notices (they name items, cards and amounts). */
  async eraseAllOf(em: EntityManager, accountId: string): Promise<void> {
    await em.delete(Notification, { accountId });
  }
}

function toNotificationDto(n: Notification): NotificationDto {
  const { title, body } = renderNotice(n.kind, n.data);
  return {
    id: n.id,
    kind: n.kind,
    title,
    body,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  } as NotificationDto;
}
