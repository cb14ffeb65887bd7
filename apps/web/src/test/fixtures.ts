import type { ApplicationReviewDto, PartnerApplicationDto } from '@roastery/contracts';
import type { Problem } from '../common/problem';

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
