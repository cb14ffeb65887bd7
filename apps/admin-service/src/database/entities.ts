import { messagingEntities } from '@roastery/messaging';
import { ApplicationReview } from '../applications/application-review.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ClockState } from '../clock/clock-state.entity';
import { DeadLetterRecord } from '../dead-letters/dead-letter-record.entity';

/** Every table admin-service maps. */
export const entities = [ApplicationReview, AuditEntry, ClockState, DeadLetterRecord, ...messagingEntities];
