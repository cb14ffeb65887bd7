import type { SagaIterator } from 'redux-saga';
import { all, fork } from 'redux-saga/effects';
import { addressesSaga } from '../features/addresses/addressesSaga';
import { adminApplicationsSaga } from '../features/adminApplications/adminApplicationsSaga';
import { adminCatalogSaga } from '../features/adminCatalog/adminCatalogSaga';
import { adminPartnersSaga } from '../features/adminPartners/adminPartnersSaga';
import { adminPaymentsSaga } from '../features/adminPayments/adminPaymentsSaga';
import { adminProductsSaga } from '../features/adminProducts/adminProductsSaga';
import { authSaga } from '../features/auth/authSaga';
import { billingRunsSaga } from '../features/billingRuns/billingRunsSaga';
import { notificationsSaga } from '../features/notifications/notificationsSaga';
import { orderActionsSaga } from '../features/orderActions/orderActionsSaga';
import { ordersSaga } from '../features/orders/ordersSaga';
import { partnerApplicationSaga } from '../features/partnerApplication/partnerApplicationSaga';
import { paymentMethodsSaga } from '../features/paymentMethods/paymentMethodsSaga';
import { storefrontSaga } from '../features/storefront/storefrontSaga';
import { studioOrdersSaga } from '../features/studioOrders/studioOrdersSaga';
import { studioProductsSaga } from '../features/studioProducts/studioProductsSaga';
import { subscriptionsSaga } from '../features/subscriptions/subscriptionsSaga';

/** Starts every feature's watchers. */
export function* rootSaga(): SagaIterator {
  yield all([
    fork(authSaga),
    fork(partnerApplicationSaga),
    fork(adminApplicationsSaga),
    fork(studioProductsSaga),
    fork(studioOrdersSaga),
    fork(adminProductsSaga),
    fork(adminPartnersSaga),
    fork(adminCatalogSaga),
    fork(storefrontSaga),
    fork(addressesSaga),
    fork(paymentMethodsSaga),
    fork(notificationsSaga),
    fork(billingRunsSaga),
    fork(adminPaymentsSaga),
    fork(subscriptionsSaga),
    fork(ordersSaga),
    fork(orderActionsSaga),
  ]);
}
