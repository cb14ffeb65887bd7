import { CreateMessagingTables1732000000000 } from '@roastery/messaging';
import { Reviews1732100000000 } from './1732100000000-reviews';

/** Migrations in the order they run. */
export const migrations = [CreateMessagingTables1732000000000, Reviews1732100000000];
