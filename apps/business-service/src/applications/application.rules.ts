import type { ApplicationStatus } from '@roastery/contracts';

/** The decisions an application can receive. */
export type ApplicationDecision = 'APPROVE' | 'REJECT';

const TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationDecision, ApplicationStatus>>> = {
  PENDING: { APPROVE: 'APPROVED', REJECT: 'REJECTED' },
  APPROVED: {},
  REJECTED: {},
};

/**
 * The application state machine: PENDING → APPROVED | REJECTED, both final. Returns the next
 * status, or null when the decision is not allowed from the current one.
 */
export function nextApplicationStatus(current: ApplicationStatus, decision: ApplicationDecision): ApplicationStatus | null {
  return TRANSITIONS[current][decision] ?? null;
}

/** Whether a decision that arrives again (a redelivered or replayed event) was already applied. */
export function isAlreadyApplied(current: ApplicationStatus, decision: ApplicationDecision): boolean {
  return (decision === 'APPROVE' && current === 'APPROVED') || (decision === 'REJECT' && current === 'REJECTED');
}

/**
 * Whether an account may open a new application: not while one is pending, not once it belongs to
 * an active partner. A rejected applicant may apply again.
 */
export function canApply(history: { status: ApplicationStatus }[], isActivePartnerMember: boolean): 'OK' | 'APPLICATION_ALREADY_OPEN' | 'ALREADY_PARTNER' {
  if (isActivePartnerMember || history.some((a) => a.status === 'APPROVED')) return 'ALREADY_PARTNER';
  if (history.some((a) => a.status === 'PENDING')) return 'APPLICATION_ALREADY_OPEN';
  return 'OK';
}
