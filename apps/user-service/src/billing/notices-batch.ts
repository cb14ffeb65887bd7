import { type NoticeData, noticeDataSchemas, type NoticeKind } from '@roastery/contracts';
import { uuidv7 } from '@roastery/persistence';
import type { EntityManager } from 'typeorm';
import { InvalidNoticeError } from '../notifications/notifications.service';

/** One notice to record, as NotificationsService.notify takes it. */
export type NoticeInput = { [K in NoticeKind]: { accountId: string; kind: K; dedupeKey: string; data: NoticeData[K] } }[NoticeKind];

/**
 * NotificationsService.notify for many notices at once (a batch of approvals): each one checked
 * against its kind's schema exactly as notify checks it, then one multi-row INSERT in the
 * caller's transaction, a notice whose dedupe key exists already left as it is.
 */
export async function insertNotices(em: EntityManager, notices: readonly NoticeInput[], now: Date): Promise<void> {
  if (notices.length === 0) return;
  const rows = notices.map((notice) => {
    const schema = noticeDataSchemas[notice.kind] as (typeof noticeDataSchemas)[NoticeKind] | undefined;
    if (!schema) throw new InvalidNoticeError(notice.kind, 'unknown kind');
    const parsed = schema.safeParse(notice.data);
    if (!parsed.success) throw new InvalidNoticeError(notice.kind, parsed.error.issues);
    if (!notice.dedupeKey || notice.dedupeKey.length > 300) throw new InvalidNoticeError(notice.kind, 'dedupeKey must be 1–300 characters');
    return { id: uuidv7(now.getTime()), accountId: notice.accountId, kind: notice.kind, data: JSON.stringify(parsed.data), dedupeKey: notice.dedupeKey };
  });
  await em.query(
    `INSERT INTO notifications (id, account_id, kind, data, dedupe_key, created_at)
     SELECT id, account_id, kind, data, dedupe_key, $6 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::text[]) AS v(id, account_id, kind, data, dedupe_key)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.accountId), rows.map((r) => r.kind), rows.map((r) => r.data), rows.map((r) => r.dedupeKey), now],
  );
}
