import { optionLabel } from '@roastery/contracts';
import { notFound, unprocessable } from '@roastery/http';
import type { EntityManager } from 'typeorm';
import { CatalogItem } from '../catalog/catalog-item.entity';
import { CatalogOptionStock } from '../catalog/catalog-option-stock.entity';

/** What a subscription copies from the catalog when it starts or swaps. */
export interface SellableOption {
  catalogItemId: string;
  productId: string;
  partnerId: string;
  optionId: string;
  itemName: string;
  optionLabel: string;
  unitPriceWon: number;
  /** The catalog item version the price was read from. */
  itemVersion: number;
}

/**
 * Finds an option on sale in the catalog read model. Stock here is what business-service last
 * announced: a quick refusal for what is plainly sold out; the reservation decides for real.
 */
export async function sellableOption(em: EntityManager, catalogItemId: string, optionId: string, quantity: number): Promise<SellableOption> {
  const item = await em.findOneBy(CatalogItem, { id: catalogItemId });
  if (!item) throw notFound('catalog item');
  if (item.status !== 'ON_SALE' || !item.productId || !item.partnerId) throw unprocessable('ITEM_UNAVAILABLE', 'this item is no longer on sale');
  const option = item.options.find((o) => o.id === optionId);
  if (!option) throw notFound('option');
  const stock = await em.findOneBy(CatalogOptionStock, { optionId });
  if (stock && stock.stock < quantity) {
    throw unprocessable('OUT_OF_STOCK', stock.stock === 0 ? 'this option is sold out' : `only ${stock.stock} left`, { available: stock.stock });
  }
  return {
    catalogItemId: item.id,
    productId: item.productId,
    partnerId: item.partnerId,
    optionId: option.id,
    itemName: item.name,
    optionLabel: optionLabel(option),
    unitPriceWon: option.priceWon,
    itemVersion: item.itemVersion,
  };
}
