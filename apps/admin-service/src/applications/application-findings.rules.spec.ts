import { applicationFindings } from './application-findings.rules';

const base = { applicantUserId: 'u1', registrationNumber: '1208147521', sameNumber: [], earlier: [] };

describe('applicationFindings', () => {
  it('has nothing to say about a clean first application', () => {
    expect(applicationFindings(base)).toEqual([]);
  });

  it('flags a bad checksum', () => {
    expect(applicationFindings({ ...base, registrationNumber: '1208147522' }).map((f) => f.code)).toEqual(['REGISTRATION_NUMBER_CHECKSUM_INVALID']);
  });

  it('flags the same business from another account, but not a rejected one or the same account', () => {
    const codes = (sameNumber: { applicantUserId: string; status: 'PENDING' | 'APPROVED' | 'REJECTED' }[]) => applicationFindings({ ...base, sameNumber }).map((f) => f.code);
    expect(codes([{ applicantUserId: 'u2', status: 'APPROVED' }])).toEqual(['DUPLICATE_REGISTRATION_NUMBER']);
    expect(codes([{ applicantUserId: 'u2', status: 'PENDING' }])).toEqual(['DUPLICATE_REGISTRATION_NUMBER']);
    expect(codes([{ applicantUserId: 'u2', status: 'REJECTED' }])).toEqual([]);
    expect(codes([{ applicantUserId: 'u1', status: 'REJECTED' }])).toEqual([]);
  });

  it('recalls earlier rejections with the last reason', () => {
    const [f] = applicationFindings({ ...base, earlier: [{ status: 'REJECTED', reason: 'blurry certificate' }] });
    expect(f.code).toBe('PREVIOUSLY_REJECTED');
    expect(f.message).toContain('blurry certificate');
  });
});
