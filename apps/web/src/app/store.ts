import { combineSlices, configureStore } from '@reduxjs/toolkit';
import createSagaMiddleware from 'redux-saga';
import { addressesSlice } from '../features/addresses/addressesSlice';
import { adminApplicationsSlice } from '../features/adminApplications/adminApplicationsSlice';
import { adminCatalogSlice } from '../features/adminCatalog/adminCatalogSlice';
import { adminPartnersSlice } from '../features/adminPartners/adminPartnersSlice';
import { adminPaymentsSlice } from '../features/adminPayments/adminPaymentsSlice';
import { adminProductsSlice } from '../features/adminProducts/adminProductsSlice';
import { authSlice } from '../features/auth/authSlice';
import { billingRunsSlice } from '../features/billingRuns/billingRunsSlice';
import { notificationsSlice } from '../features/notifications/notificationsSlice';
import { orderActionsSlice } from '../features/orderActions/orderActionsSlice';
import { ordersSlice } from '../features/orders/ordersSlice';
import { partnerApplicationSlice } from '../features/partnerApplication/partnerApplicationSlice';
import { paymentMethodsSlice } from '../features/paymentMethods/paymentMethodsSlice';
import { storefrontSlice } from '../features/storefront/storefrontSlice';
import { studioOrdersSlice } from '../features/studioOrders/studioOrdersSlice';
import { studioProductsSlice } from '../features/studioProducts/studioProductsSlice';
import { subscriptionsSlice } from '../features/subscriptions/subscriptionsSlice';
import { rootSaga } from './rootSaga';

export const rootReducer = combineSlices(
  authSlice,
  partnerApplicationSlice,
  adminApplicationsSlice,
  studioProductsSlice,
  studioOrdersSlice,
  adminProductsSlice,
  adminPartnersSlice,
  adminCatalogSlice,
  storefrontSlice,
  addressesSlice,
  paymentMethodsSlice,
  notificationsSlice,
  billingRunsSlice,
  adminPaymentsSlice,
  subscriptionsSlice,
  ordersSlice,
  orderActionsSlice,
);

export type RootState = ReturnType<typeof rootReducer>;

export interface MakeStoreOptions {
  /** Tests of plain rendering can leave the sagas off so nothing calls the network. */
  runSagas?: boolean;
}

/** Builds the store; tests pass a preloaded state (redux-templates' makeStore). */
export function makeStore(preloadedState?: Partial<RootState>, { runSagas = true }: MakeStoreOptions = {}) {
  const sagaMiddleware = createSagaMiddleware({
    onError: (err) => console.error('Unhandled saga error', err),
  });
  const store = configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefault) => getDefault({ thunk: false }).concat(sagaMiddleware),
  });
  if (runSagas) sagaMiddleware.run(rootSaga);
  return store;
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
