import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAppDispatch } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { billingAuthFailed, billingAuthReturned } from './paymentMethodsSlice';

/** Where the list page reads that it was reached from the callback (and keeps the outcome shown). */
export interface FromCallbackState {
  fromCallback: true;
}

/**
 * /me/payment-methods/callback: the billing-auth window's successUrl (`?authKey=&customerKey=`)
 * and failUrl (`?failed=1&code=&message=`). Hands the outcome to the store once, then replaces
 * itself with the list, so the authKey leaves the address bar and history.
 */
export function PaymentMethodCallbackPage() {
  usePageTitle('카드 등록');
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // StrictMode runs effects twice on the same instance; the saga also posts each authKey once.
  const handled = useRef(false);

  useEffect(() => {
    if (handled.current) return;
    handled.current = true;
    const authKey = params.get('authKey');
    const customerKey = params.get('customerKey');
    if (params.has('failed') || params.has('code')) {
      dispatch(billingAuthFailed({ code: params.get('code') ?? 'UNKNOWN', message: params.get('message') ?? 'The card could not be registered.' }));
    } else if (authKey && customerKey) {
      dispatch(billingAuthReturned({ authKey, customerKey }));
    } else {
      dispatch(billingAuthFailed({ code: 'INVALID_CALLBACK', message: 'The card window came back without a result. Please try again.' }));
    }
    const state: FromCallbackState = { fromCallback: true };
    navigate('/me/payment-methods', { replace: true, state });
  }, [dispatch, navigate, params]);

  return <PageSpinner label="Registering your card…" />;
}
