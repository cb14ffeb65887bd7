import { messagingEntities } from '@roastery/messaging';
import { idempotencyEntities } from '@roastery/platform';
import { PartnerApplication } from '../applications/partner-application.entity';
import { PartnerRefund } from '../fulfilment/partner-refund.entity';
import { PartnerOrder } from '../partner-orders/partner-order.entity';
import { PartnerOrderLine } from '../partner-orders/partner-order-line.entity';
import { Partner } from '../partners/partner.entity';
import { PartnerMember } from '../partners/partner-member.entity';
import { Product } from '../products/product.entity';
import { ProductOptionRow } from '../products/product-option.entity';
import { ProductVersion } from '../products/product-version.entity';
import { StockOrder } from '../stock/stock-order.entity';
import { StockReservation } from '../stock/stock-reservation.entity';

/** Every table business-service maps. */
export const entities = [PartnerApplication, Partner, PartnerMember, Product, ProductVersion, ProductOptionRow, StockOrder, StockReservation, PartnerOrder, PartnerOrderLine, PartnerRefund, ...messagingEntities, ...idempotencyEntities];
