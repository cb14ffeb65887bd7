import type {
  ApplicationReviewDto,
  CatalogItemDetailDto,
  CatalogItemSummaryDto,
  CatalogMasterEntryDto,
  PartnerApplicationDto,
  PartnerProductDto,
  ProductReviewDto,
} from '@roastery/contracts';
import type { Problem } from '../common/problem';
import type { AdminPartnerDto } from '../features/adminPartners/adminPartnersApi';

/** 120-81-47521 has a valid check digit. */
export const VALID_BRN = '1208147521';

export function anApplication(overrides: Partial<PartnerApplicationDto> = {}): PartnerApplicationDto {
  return {
    id: 'app-1',
    status: 'PENDING',
    businessName: 'Bean There Roasters',
    registrationNumber: VALID_BRN,
    representative: 'Mina Park',
    phone: '01012345678',
    email: 'mina@beanthere.kr',
    payoutBank: 'KB Kookmin',
    payoutAccountMasked: '****4321',
    rejectionReason: null,
    partnerId: null,
    submittedAt: '2025-11-20T09:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

export function aReview(overrides: Partial<ApplicationReviewDto> = {}): ApplicationReviewDto {
  return {
    id: 'app-1',
    applicantUserId: 'user-1',
    status: 'PENDING',
    businessName: 'Bean There Roasters',
    registrationNumber: VALID_BRN,
    representative: 'Mina Park',
    phone: '01012345678',
    email: 'mina@beanthere.kr',
    payoutBank: 'KB Kookmin',
    payoutAccountLast4: '4321',
    attempt: 1,
    findings: [],
    reason: null,
    submittedAt: '2025-11-20T09:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    ...overrides,
  };
}

export function aProblem(overrides: Partial<Problem> = {}): Problem {
  return { status: 500, code: 'INTERNAL', message: 'Boom', fieldErrors: {}, retryAfterSeconds: null, ...overrides };
}

/** Valid UUIDs (the option and product schemas check the format). */
export const IDS = {
  product: '0190a0b0-0000-7000-8000-0000000000a1',
  otherProduct: '0190a0b0-0000-7000-8000-0000000000a2',
  partner: '0190a0b0-0000-7000-8000-0000000000b1',
  option200: '0190a0b0-0000-7000-8000-0000000000c1',
  option1kg: '0190a0b0-0000-7000-8000-0000000000c2',
  review: '0190a0b0-0000-7000-8000-0000000000d1',
  item: '0190a0b0-0000-7000-8000-0000000000e1',
  otherItem: '0190a0b0-0000-7000-8000-0000000000e2',
} as const;

const yirgacheffe = {
  name: '에티오피아 예가체프 코체레',
  origin: { country: 'Ethiopia', region: 'Yirgacheffe' },
  producer: 'Kochere washing station',
  lot: 'K-14',
  variety: 'Heirloom',
  process: 'Washed',
  roastLevel: 'LIGHT' as const,
  tastingNotes: ['Jasmine', 'Bergamot'],
  description: 'Floral and bright.',
  imageUrls: [] as string[],
};

/** A partner's product whose version 1 is a draft. */
export function aPartnerProduct(overrides: Partial<PartnerProductDto> = {}, current: Partial<PartnerProductDto['current']> = {}): PartnerProductDto {
  return {
    id: IDS.product,
    partnerId: IDS.partner,
    status: 'DRAFT',
    current: {
      version: 1,
      status: 'DRAFT',
      content: yirgacheffe,
      options: [
        { id: IDS.option200, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18000, stock: 30 },
        { id: IDS.option1kg, weightGrams: 1000, grind: 'FILTER', priceWon: 72000, stock: 5 },
      ],
      rejectionReason: null,
      submittedAt: null,
      decidedAt: null,
      ...current,
    },
    onSaleVersion: null,
    mergedIntoProductId: null,
    createdAt: '2025-11-20T09:00:00.000Z',
    updatedAt: '2025-11-20T09:00:00.000Z',
    ...overrides,
  };
}

/** A pending submission of version 1 with no findings. */
export function aProductReview(overrides: Partial<ProductReviewDto> = {}): ProductReviewDto {
  return {
    id: IDS.review,
    productId: IDS.product,
    version: 1,
    partner: { id: IDS.partner, name: 'Bean There Roasters', trusted: false },
    status: 'PENDING',
    content: {
      ...yirgacheffe,
      options: [
        { id: IDS.option200, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18000 },
        { id: IDS.option1kg, weightGrams: 1000, grind: 'FILTER', priceWon: 72000 },
      ],
    },
    findings: [],
    diff: [],
    autoApproved: false,
    reason: null,
    mergedInto: null,
    submittedAt: '2025-11-20T09:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    ...overrides,
  };
}

export function aCatalogItem(overrides: Partial<CatalogItemSummaryDto> = {}): CatalogItemSummaryDto {
  return {
    id: IDS.item,
    name: yirgacheffe.name,
    partner: { id: IDS.partner, name: 'Bean There Roasters' },
    origin: yirgacheffe.origin,
    process: 'Washed',
    roastLevel: 'LIGHT',
    tastingNotes: yirgacheffe.tastingNotes,
    imageUrl: null,
    priceFrom: 18000,
    stockStatus: 'IN_STOCK',
    publishedAt: '2025-11-21T09:00:00.000Z',
    ...overrides,
  };
}

export function aCatalogItemDetail(overrides: Partial<CatalogItemDetailDto> = {}): CatalogItemDetailDto {
  return {
    ...aCatalogItem(),
    version: 1,
    producer: yirgacheffe.producer,
    lot: yirgacheffe.lot,
    variety: yirgacheffe.variety,
    description: yirgacheffe.description,
    imageUrls: [],
    options: [
      { id: IDS.option200, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18000, stockStatus: 'IN_STOCK' },
      { id: IDS.option1kg, weightGrams: 1000, grind: 'FILTER', priceWon: 72000, stockStatus: 'LOW' },
    ],
    alsoRoastedBy: [],
    ...overrides,
  };
}

export function aCatalogMasterEntry(overrides: Partial<CatalogMasterEntryDto> = {}): CatalogMasterEntryDto {
  return {
    catalogItemId: IDS.item,
    productId: IDS.product,
    partner: { id: IDS.partner, name: 'Bean There Roasters', status: 'ACTIVE' },
    name: yirgacheffe.name,
    onSale: true,
    itemVersion: 1,
    productVersion: 1,
    lotKey: 'ethiopia|yirgacheffe|kochere|k-14',
    mergeHistory: [],
    updatedAt: '2025-11-21T09:00:00.000Z',
    ...overrides,
  };
}

export function aPartner(overrides: Partial<AdminPartnerDto> = {}): AdminPartnerDto {
  return { id: IDS.partner, name: 'Bean There Roasters', status: 'ACTIVE', trusted: false, suspendedReason: null, activatedAt: '2025-11-20T09:00:00.000Z', updatedAt: '2025-11-20T09:00:00.000Z', ...overrides };
}
