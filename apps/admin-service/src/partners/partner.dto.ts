// The admin console's partner shapes live in the contracts, shared with the web.
export { type AdminPartnerDto as PartnerDto, type PartnerListQuery, partnerListQuerySchema } from '@roastery/contracts';
