import { type ApplicationFinding, type ApplicationStatus, isValidBusinessRegistrationNumber } from '@roastery/contracts';

/** What the reviewer needs to know about other applications when one arrives. */
export interface FindingsInput {
  applicantUserId: string;
  registrationNumber: string;
  /** Other applications with the same registration number. */
  sameNumber: { applicantUserId: string; status: ApplicationStatus }[];
  /** This applicant's earlier applications. */
  earlier: { status: ApplicationStatus; reason: string | null }[];
}

/**
 * Automatic findings shown beside an application: a bad checksum (business-service validates it,
 * but the review must not trust a producer blindly), the same business applying from another
 * account, and earlier rejections with their reasons.
 */
export function applicationFindings(i: FindingsInput): ApplicationFinding[] {
  const findings: ApplicationFinding[] = [];
  if (!isValidBusinessRegistrationNumber(i.registrationNumber)) {
    findings.push({ code: 'REGISTRATION_NUMBER_CHECKSUM_INVALID', message: 'the registration number fails its checksum' });
  }
  const others = i.sameNumber.filter((a) => a.applicantUserId !== i.applicantUserId && a.status !== 'REJECTED');
  if (others.length > 0) {
    const approved = others.some((a) => a.status === 'APPROVED');
    findings.push({
      code: 'DUPLICATE_REGISTRATION_NUMBER',
      message: approved ? 'another account is already an approved partner with this registration number' : 'another account has a pending application with this registration number',
    });
  }
  const rejected = i.earlier.filter((a) => a.status === 'REJECTED');
  if (rejected.length > 0) {
    findings.push({ code: 'PREVIOUSLY_REJECTED', message: `rejected ${rejected.length} time(s) before; last reason: ${rejected[rejected.length - 1].reason ?? '—'}` });
  }
  return findings;
}
