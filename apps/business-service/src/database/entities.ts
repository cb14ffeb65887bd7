import { messagingEntities } from '@roastery/messaging';
import { idempotencyEntities } from '@roastery/platform';
import { PartnerApplication } from '../applications/partner-application.entity';
import { Partner } from '../partners/partner.entity';
import { PartnerMember } from '../partners/partner-member.entity';
import { Product } from '../products/product.entity';
import { ProductOptionRow } from '../products/product-option.entity';
import { ProductVersion } from '../products/product-version.entity';

/** Every table business-service maps. */
export const entities = [PartnerApplication, Partner, PartnerMember, Product, ProductVersion, ProductOptionRow, ...messagingEntities, ...idempotencyEntities];
