import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { aPartner, IDS } from '../../test/fixtures';
import { anAccount, signedIn } from '../../test/test-utils';
import { adminPartnersApi } from './adminPartnersApi';
import { adminPartnersSaga } from './adminPartnersSaga';
import { partnersLoaded, partnerStatusConfirmed, partnersViewed, trustChangeFailed, trustToggled } from './adminPartnersSlice';

const admin = anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] });
const withPartners = () => ({
  ...rootReducer(undefined, { type: '@@INIT' }),
  ...signedIn(admin),
});

describe('adminPartnersSaga', () => {
  it('loads the partners', () => {
    const page = { items: [aPartner()], page: 1, size: 20, total: 1 };
    return expectSaga(adminPartnersSaga)
      .withReducer(rootReducer, withPartners())
      .provide([[matchers.call.fn(adminPartnersApi.list), page]])
      .call(adminPartnersApi.list, 'access-token', { page: 1, size: 20 })
      .put(partnersLoaded(page))
      .dispatch(partnersViewed({ page: 1, size: 20 }))
      .silentRun(50);
  });

  it('suspends with the reason and shows the partner as suspended', async () => {
    const { storeState } = await expectSaga(adminPartnersSaga)
      .withReducer(rootReducer, withPartners())
      .provide([
        [matchers.call.fn(adminPartnersApi.list), { items: [aPartner()], page: 1, size: 20, total: 1 }],
        [matchers.call.fn(adminPartnersApi.suspend), aPartner({ status: 'SUSPENDED', suspendedReason: 'Mould in a shipment' })],
      ])
      .call(adminPartnersApi.suspend, 'access-token', IDS.partner, 'Mould in a shipment')
      .dispatch(partnersViewed({ page: 1, size: 20 }))
      .dispatch(partnerStatusConfirmed({ id: IDS.partner, action: 'suspend', reason: 'Mould in a shipment' }))
      .silentRun(50);
    expect(storeState.adminPartners.items[0]).toMatchObject({ status: 'SUSPENDED', suspendedReason: 'Mould in a shipment' });
    expect(storeState.adminPartners.notice).toBe('Suspended Bean There Roasters: its items are off sale.');
  });

  it('turns the trusted switch on, and reports a failure on the row', async () => {
    const { storeState } = await expectSaga(adminPartnersSaga)
      .withReducer(rootReducer, withPartners())
      .provide([
        [matchers.call.fn(adminPartnersApi.list), { items: [aPartner()], page: 1, size: 20, total: 1 }],
        [matchers.call.fn(adminPartnersApi.trust), aPartner({ trusted: true })],
      ])
      .call(adminPartnersApi.trust, 'access-token', IDS.partner, true)
      .dispatch(partnersViewed({ page: 1, size: 20 }))
      .dispatch(trustToggled({ id: IDS.partner, trusted: true }))
      .silentRun(50);
    expect(storeState.adminPartners.items[0].trusted).toBe(true);

    await expectSaga(adminPartnersSaga)
      .withReducer(rootReducer, withPartners())
      .provide([[matchers.call.fn(adminPartnersApi.trust), throwError(new ApiRequestError(404, 'NOT_FOUND', 'No such partner'))]])
      .put.like({ action: { type: trustChangeFailed.type, payload: { id: IDS.partner, problem: { code: 'NOT_FOUND' } } } })
      .dispatch(trustToggled({ id: IDS.partner, trusted: true }))
      .silentRun(50);
  });
});
