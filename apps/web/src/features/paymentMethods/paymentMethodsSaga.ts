import type { Page, PaymentMethodDto, PaymentMethodSetupDto } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { call, fork, put, takeEvery, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { callWithAuth } from '../auth/callWithAuth';
import { browserLocation, openBillingWindow } from './billingWindow';
import { paymentMethodsApi } from './paymentMethodsApi';
import {
  billingAuthReturned,
  billingWindowFailed,
  cardActionFailed,
  cardDeleteConfirmed,
  cardDeleted,
  cardRegistered,
  cardRegistrationClicked,
  cardRegistrationFailed,
  defaultCardChanged,
  defaultCardChosen,
  paymentMethodsLoaded,
  paymentMethodsLoadFailed,
  paymentMethodsPageOpened,
} from './paymentMethodsSlice';
import { registrationIdempotencyKey } from './registrationKey';

/** Asks for a reload that replaces (cancels) any load still in flight. */
const reloadRequested = () => paymentMethodsPageOpened({ keepNotice: true });

function* loadCards(): SagaIterator {
  try {
    const page: Page<PaymentMethodDto> = yield* callWithAuth(paymentMethodsApi.list);
    yield put(paymentMethodsLoaded(page.items));
  } catch (err) {
    yield put(paymentMethodsLoadFailed(toProblem(err)));
  }
}

function* openWindow(): SagaIterator {
  try {
    const setup: PaymentMethodSetupDto = yield* callWithAuth(paymentMethodsApi.setup);
    const origin: string = yield call(browserLocation.origin);
    yield call(openBillingWindow, setup, origin);
    // The browser is leaving for the window; nothing more to do here.
  } catch (err) {
    yield put(billingWindowFailed(toProblem(err)));
  }
}

function* registerCard(action: ReturnType<typeof billingAuthReturned>): SagaIterator {
  const { authKey, customerKey } = action.payload;
  try {
    const card: PaymentMethodDto = yield* callWithAuth(paymentMethodsApi.register, { authKey, customerKey }, registrationIdempotencyKey(authKey));
    yield put(cardRegistered(card));
    // A list load started when the page opened may predate the card: load again, cancelling it.
    yield put(reloadRequested());
  } catch (err) {
    yield put(cardRegistrationFailed(toProblem(err)));
  }
}

/**
 * Posts each authKey once per app run, however often the callback is dispatched (StrictMode runs
 * effects twice; a re-render may dispatch again). The server dedupes by the Idempotency-Key too.
 */
function* registerEachAuthKeyOnce(): SagaIterator {
  const seen = new Set<string>();
  yield takeEvery(billingAuthReturned.type, function* (action: ReturnType<typeof billingAuthReturned>): SagaIterator {
    if (seen.has(action.payload.authKey)) return;
    seen.add(action.payload.authKey);
    yield call(registerCard, action);
  });
}

function* changeOrDelete(action: ReturnType<typeof defaultCardChosen> | ReturnType<typeof cardDeleteConfirmed>): SagaIterator {
  const { id } = action.payload;
  try {
    if (defaultCardChosen.match(action)) {
      const card: PaymentMethodDto = yield* callWithAuth(paymentMethodsApi.setDefault, id);
      yield put(defaultCardChanged(card));
    } else {
      yield* callWithAuth(paymentMethodsApi.remove, id);
      yield put(cardDeleted({ id }));
      // The server may have made another card the default.
      yield put(reloadRequested());
    }
  } catch (err) {
    yield put(cardActionFailed(toProblem(err)));
  }
}

/** Watchers of the payment methods feature. */
export function* paymentMethodsSaga(): SagaIterator {
  yield takeLatest(paymentMethodsPageOpened.type, loadCards);
  yield takeLeading(cardRegistrationClicked.type, openWindow);
  yield fork(registerEachAuthKeyOnce);
  yield takeLeading([defaultCardChosen.type, cardDeleteConfirmed.type], changeOrDelete);
}
