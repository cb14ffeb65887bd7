import { CreateMessagingTables1732000000000 } from '@roastery/messaging';
import { CreateIdempotencyKeys1732000000001 } from '@roastery/platform';
import { Reviews1732100000000 } from './1732100000000-reviews';
import { ProductReviewsAndCatalog1732300000000 } from './1732300000000-product-reviews-and-catalog';
import { BillingRuns1734700000000 } from './1734700000000-billing-runs';
import { PaymentsOversight1735200000000 } from './1735200000000-payments-oversight';

/** Migrations in the order they run. */
export const migrations = [CreateMessagingTables1732000000000, CreateIdempotencyKeys1732000000001, Reviews1732100000000, ProductReviewsAndCatalog1732300000000, BillingRuns1734700000000, PaymentsOversight1735200000000];
