/**
 * The real Toss billing-auth window (provider `toss`), through the Toss Payments JS SDK v2.
 *
 * Kept small and apart on purpose: it cannot be exercised here (no Toss client key, no network to
 * js.tosspayments.com in tests; the sandbox path is what the unit and browser tests cover). It is
 * the only third-party script the web app ever loads, and only after "카드 등록" in toss mode, so a
 * Content-Security-Policy must allow https://js.tosspayments.com (ADR 0006 assumes no third-party
 * scripts otherwise).
 */

const SDK_URL = 'https://js.tosspayments.com/v2/standard';

interface TossPaymentsSdk {
  payment(options: { customerKey: string }): {
    requestBillingAuth(options: { method: 'CARD'; successUrl: string; failUrl: string }): Promise<void>;
  };
}

declare global {
  interface Window {
    TossPayments?: (clientKey: string) => TossPaymentsSdk;
  }
}

let loading: Promise<void> | null = null;

function loadSdk(): Promise<void> {
  if (window.TossPayments) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new Error('Could not load the Toss Payments window. Check your connection and try again.'));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/** Opens Toss's card registration window; Toss redirects to successUrl or failUrl afterwards. */
export async function requestTossBillingAuth(o: { clientKey: string; customerKey: string; successUrl: string; failUrl: string }): Promise<void> {
  await loadSdk();
  if (!window.TossPayments) throw new Error('The Toss Payments SDK did not load.');
  await window.TossPayments(o.clientKey).payment({ customerKey: o.customerKey }).requestBillingAuth({ method: 'CARD', successUrl: o.successUrl, failUrl: o.failUrl });
}
