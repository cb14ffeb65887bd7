import { messagingEntities } from '@roastery/messaging';
import { idempotencyEntities } from '@roastery/platform';
import { ApplicationReview } from '../applications/application-review.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { BillingRun } from '../billing-runs/billing-run.entity';
import { CatalogItem } from '../catalog/catalog-item.entity';
import { ClockState } from '../clock/clock-state.entity';
import { DeadLetterRecord } from '../dead-letters/dead-letter-record.entity';
import { Partner } from '../partners/partner.entity';
import { FulfilmentPart, PaymentRecord, RefundRecord } from '../payments/payment-record.entity';
import { ProductReview } from '../products/product-review.entity';
import { ReviewedProduct } from '../products/reviewed-product.entity';

/** Every table admin-service maps. */
export const entities = [ApplicationReview, AuditEntry, BillingRun, CatalogItem, ClockState, DeadLetterRecord, FulfilmentPart, Partner, PaymentRecord, ProductReview, RefundRecord, ReviewedProduct, ...messagingEntities, ...idempotencyEntities];
