import { InboxEntry } from './inbox.entity';
import { OutboxMessage } from './outbox.entity';

/** The entities a service adds to its DataSource so the outbox and inbox tables are mapped. */
export const messagingEntities = [OutboxMessage, InboxEntry];
