import type { Page } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

/**
 * A partner as admin-service lists it. Not in the contracts yet: the fields the page needs, with
 * anything else the service adds ignored.
 */
export interface AdminPartnerDto {
  id: string;
  name: string;
  status: 'ACTIVE' | 'SUSPENDED';
  trusted: boolean;
  /** Optional extras the page shows when present. */
  suspendedReason?: string | null;
  activatedAt?: string | null;
}

export interface PartnerListQuery {
  page: number;
  size: number;
}

const path = (id: string, action: string) => `/admin/partners/${encodeURIComponent(id)}/${action}`;

/** Reads the partner out of an answer that may be the partner itself, `{partner}`, or empty. */
export function partnerFrom(body: unknown): Partial<AdminPartnerDto> {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as Record<string, unknown>;
  const p = (typeof b.partner === 'object' && b.partner !== null ? b.partner : b) as Record<string, unknown>;
  const out: Partial<AdminPartnerDto> = {};
  if (p.status === 'ACTIVE' || p.status === 'SUSPENDED') out.status = p.status;
  if (typeof p.trusted === 'boolean') out.trusted = p.trusted;
  if (typeof p.name === 'string') out.name = p.name;
  if (typeof p.suspendedReason === 'string' || p.suspendedReason === null) out.suspendedReason = p.suspendedReason;
  return out;
}

/** HTTP calls of admin-service's partner management endpoints. */
export const adminPartnersApi = {
  list: (token: string | null, query: PartnerListQuery) => apiRequest<Page<AdminPartnerDto>>('/admin/partners', { token, query: { page: query.page, size: query.size } }),
  /** Suspending takes the partner's items off sale; reinstating puts the approved ones back. */
  suspend: (token: string | null, id: string, reason: string) => apiRequest<unknown>(path(id, 'suspend'), { method: 'POST', token, body: { reason } }),
  reinstate: (token: string | null, id: string, reason: string) => apiRequest<unknown>(path(id, 'reinstate'), { method: 'POST', token, body: { reason } }),
  /** A trusted partner's small edits (stock, description) skip review. */
  trust: (token: string | null, id: string, trusted: boolean) => apiRequest<unknown>(path(id, 'trust'), { method: 'POST', token, body: { trusted } }),
};
