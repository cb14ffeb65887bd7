import { randomUUID } from 'node:crypto';
import type { MessageEnvelope } from './envelope';
import { type EventDefinition, eventCatalogue, type PayloadOf } from './events';

/** Builds a well-formed envelope around a payload, as a producer's outbox would. */
export function buildEnvelope<D extends EventDefinition>(def: D, payload: PayloadOf<D>, overrides: Partial<MessageEnvelope> = {}): MessageEnvelope<PayloadOf<D>> {
  return {
    id: randomUUID(),
    type: def.type,
    schemaVersion: def.schemaVersion,
    occurredAt: new Date().toISOString(),
    source: 'test',
    correlationId: randomUUID(),
    causationId: null,
    aggregateId: randomUUID(),
    aggregateVersion: 1,
    ...overrides,
    payload,
  };
}

const at = '2026-11-21T09:00:00.000Z';
const u = (n: number) => `01a1fd60-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** One valid example payload per event type; the spec checks each against its schema. */
export const examplePayloads: { [K in (typeof eventCatalogue)[number]['type']]: unknown } = {
  'user.registered': { userId: u(1), registeredAt: at },
  'partner.application.submitted': {
    applicationId: u(2),
    applicantUserId: u(1),
    businessName: 'Bean Brothers Roastery',
    registrationNumber: '1208147521',
    representative: '이서준',
    phone: '01012345678',
    email: 'owner@beanbros.kr',
    payoutBank: 'KB국민은행',
    payoutAccountLast4: '9012',
    attempt: 1,
    submittedAt: at,
  },
  'partner.application.approved': { applicationId: u(2), applicantUserId: u(1), reviewerId: u(9), decidedAt: at },
  'partner.application.rejected': { applicationId: u(2), applicantUserId: u(1), reviewerId: u(9), reason: 'certificate unreadable', decidedAt: at },
  'partner.activated': { partnerId: u(3), applicationId: u(2), memberUserId: u(1), businessName: 'Bean Brothers Roastery', activatedAt: at },
};
