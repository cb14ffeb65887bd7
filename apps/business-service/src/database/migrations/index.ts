import { CreateMessagingTables1732000000000 } from '@roastery/messaging';
import { CreateIdempotencyKeys1732000000001 } from '@roastery/platform';
import { Partners1732100000000 } from './1732100000000-partners';
import { PartnerProducts1733000000000 } from './1733000000000-partner-products';
import { StockReservations1734500000000 } from './1734500000000-stock-reservations';
import { Fulfilment1735000000000 } from './1735000000000-fulfilment';

/** Migrations in the order they run. */
export const migrations = [CreateMessagingTables1732000000000, CreateIdempotencyKeys1732000000001, Partners1732100000000, PartnerProducts1733000000000, StockReservations1734500000000, Fulfilment1735000000000];
