import { messagingEntities } from '@roastery/messaging';
import { ApplicationReview } from '../applications/application-review.entity';
import { AuditEntry } from '../audit/audit-entry.entity';

/** Every table admin-service maps. */
export const entities = [ApplicationReview, AuditEntry, ...messagingEntities];
