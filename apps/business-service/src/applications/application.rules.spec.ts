import { APPLICATION_STATUSES } from '@roastery/contracts';
import { canApply, isAlreadyApplied, nextApplicationStatus } from './application.rules';

describe('application state machine', () => {
  it('moves a pending application to approved or rejected', () => {
    expect(nextApplicationStatus('PENDING', 'APPROVE')).toBe('APPROVED');
    expect(nextApplicationStatus('PENDING', 'REJECT')).toBe('REJECTED');
  });

  it('refuses every decision on a decided application', () => {
    for (const s of APPLICATION_STATUSES.filter((s) => s !== 'PENDING')) {
      expect(nextApplicationStatus(s, 'APPROVE')).toBeNull();
      expect(nextApplicationStatus(s, 'REJECT')).toBeNull();
    }
  });

  it('recognises a repeated decision as already applied, and only that', () => {
    expect(isAlreadyApplied('APPROVED', 'APPROVE')).toBe(true);
    expect(isAlreadyApplied('REJECTED', 'REJECT')).toBe(true);
    expect(isAlreadyApplied('REJECTED', 'APPROVE')).toBe(false);
    expect(isAlreadyApplied('PENDING', 'APPROVE')).toBe(false);
  });
});

describe('canApply', () => {
  it('lets a new account apply', () => expect(canApply([], false)).toBe('OK'));
  it('lets a rejected applicant apply again', () => expect(canApply([{ status: 'REJECTED' }], false)).toBe('OK'));
  it('refuses a second open application', () => expect(canApply([{ status: 'REJECTED' }, { status: 'PENDING' }], false)).toBe('APPLICATION_ALREADY_OPEN'));
  it('refuses an existing partner', () => {
    expect(canApply([{ status: 'APPROVED' }], false)).toBe('ALREADY_PARTNER');
    expect(canApply([], true)).toBe('ALREADY_PARTNER');
  });
});
