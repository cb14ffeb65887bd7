import { messagingEntities } from '@roastery/messaging';
import { idempotencyEntities } from '@roastery/platform';
import { Account } from '../accounts/account.entity';
import { PartnerMembership } from '../accounts/partner-membership.entity';
import { Address } from '../addresses/address.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { CatalogCacheInvalidation } from '../catalog/catalog-cache-invalidation.entity';
import { CatalogFacetCount } from '../catalog/catalog-facet-count.entity';
import { CatalogItem } from '../catalog/catalog-item.entity';
import { CatalogOptionStock } from '../catalog/catalog-option-stock.entity';
import { Notification } from '../notifications/notification.entity';
import { PaymentMethod } from '../payment-methods/payment-method.entity';
import { SigningKey } from '../signing-keys/signing-key.entity';
import { TossWebhookEvent } from '../webhooks/toss-webhook-event.entity';

/** Every table user-service maps. */
export const entities = [Account, PartnerMembership, RefreshToken, SigningKey, CatalogItem, CatalogOptionStock, CatalogCacheInvalidation, CatalogFacetCount, Address, PaymentMethod, TossWebhookEvent, Notification, ...messagingEntities, ...idempotencyEntities];
