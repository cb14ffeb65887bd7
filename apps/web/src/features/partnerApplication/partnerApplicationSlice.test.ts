import { makeStore } from '../../app/store';
import { anApplication, aProblem } from '../../test/fixtures';
import {
  applicationSubmitFailed,
  applicationSubmitted,
  applyFormSubmitted,
  initialPartnerApplicationState,
  myApplicationsLoaded,
  partnerApplicationSlice,
  partnerPageOpened,
  partnerRoleSyncFinished,
  partnerRoleSyncStarted,
  selectCanApply,
} from './partnerApplicationSlice';

const reduce = partnerApplicationSlice.reducer;
const body = {
  businessName: 'Bean There',
  registrationNumber: '1208147521',
  representative: 'Mina',
  phone: '01012345678',
  email: 'mina@beanthere.kr',
  payoutBank: 'KB',
  payoutAccount: '12345678',
};

function canApply(state: typeof initialPartnerApplicationState) {
  return selectCanApply({ ...makeStore(undefined, { runSagas: false }).getState(), partnerApplication: state });
}

describe('partnerApplicationSlice', () => {
  it('loads the current application and history', () => {
    const loading = reduce(initialPartnerApplicationState, partnerPageOpened());
    expect(loading.load).toBe('loading');
    const loaded = reduce(loading, myApplicationsLoaded({ current: anApplication(), history: [] }));
    expect(loaded).toMatchObject({ load: 'loaded', current: { status: 'PENDING' } });
  });

  it('lets a user apply with nothing open or after a rejection, not while pending or approved', () => {
    const loaded = (current: ReturnType<typeof anApplication> | null) =>
      reduce(initialPartnerApplicationState, myApplicationsLoaded({ current, history: [] }));
    expect(canApply(initialPartnerApplicationState)).toBe(false);
    expect(canApply(loaded(null))).toBe(true);
    expect(canApply(loaded(anApplication({ status: 'REJECTED', rejectionReason: 'blurry certificate' })))).toBe(true);
    expect(canApply(loaded(anApplication({ status: 'PENDING' })))).toBe(false);
    expect(canApply(loaded(anApplication({ status: 'APPROVED' })))).toBe(false);
  });

  it('a new submission becomes current and the rejected one moves to history', () => {
    const rejected = anApplication({ id: 'old', status: 'REJECTED' });
    let s = reduce(initialPartnerApplicationState, myApplicationsLoaded({ current: rejected, history: [] }));
    s = reduce(s, applyFormSubmitted({ body, idempotencyKey: 'k1' }));
    expect(s.submit.submitting).toBe(true);
    s = reduce(s, applicationSubmitted(anApplication({ id: 'new' })));
    expect(s.current?.id).toBe('new');
    expect(s.history.map((a) => a.id)).toEqual(['old']);
    expect(s.submit).toEqual({ submitting: false, problem: null });
  });

  it('keeps the refusal of a submission for the form', () => {
    const problem = aProblem({ status: 409, code: 'APPLICATION_ALREADY_OPEN' });
    const s = reduce(reduce(initialPartnerApplicationState, applyFormSubmitted({ body, idempotencyKey: 'k' })), applicationSubmitFailed(problem));
    expect(s.submit).toEqual({ submitting: false, problem });
  });

  it('tracks the PARTNER role sync after an approval', () => {
    const syncing = reduce(initialPartnerApplicationState, partnerRoleSyncStarted());
    expect(syncing.roleSync).toBe('syncing');
    expect(reduce(syncing, partnerRoleSyncFinished({ granted: true })).roleSync).toBe('granted');
    expect(reduce(syncing, partnerRoleSyncFinished({ granted: false })).roleSync).toBe('pending');
  });
});
