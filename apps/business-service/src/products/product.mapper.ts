import type { PartnerProductDto, ProductVersionContent } from '@roastery/contracts';
import type { Product } from './product.entity';
import type { ProductOptionRow } from './product-option.entity';
import type { ProductVersion } from './product-version.entity';

/** A version's full content as review and the catalog see it (content plus options, no stock). */
export function versionContent(v: ProductVersion): ProductVersionContent {
  return { ...v.content, options: v.options };
}

/**
 * A product as its partner sees it: the newest version with each option's stock. The reviewer's
 * reason shows while the version is rejected; decision times only once decided.
 */
export function toPartnerProductDto(p: Product, newest: ProductVersion, stockById: ReadonlyMap<string, Pick<ProductOptionRow, 'stock'>>): PartnerProductDto {
  const decided = newest.status === 'APPROVED' || newest.status === 'REJECTED' || newest.status === 'SUPERSEDED';
  return {
    id: p.id,
    partnerId: p.partnerId,
    status: p.status,
    current: {
      version: newest.version,
      status: newest.status,
      content: newest.content,
      options: newest.options.map((o) => ({ ...o, stock: stockById.get(o.id)?.stock ?? 0 })),
      rejectionReason: newest.status === 'REJECTED' ? newest.rejectionReason : null,
      submittedAt: newest.submittedAt?.toISOString() ?? null,
      decidedAt: decided ? (newest.decidedAt?.toISOString() ?? null) : null,
    },
    onSaleVersion: p.onSaleVersion,
    mergedIntoProductId: p.mergedIntoProductId,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
