import { TEST_CARDS } from './test-cards';

/** The query the window is opened with (what `requestBillingAuth` would pass). */
export interface BillingAuthParams {
  customerKey: string;
  successUrl: string;
  failUrl: string;
  customerName?: string;
  customerEmail?: string;
}

const escape = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The card form of the sandbox's billing-auth window, with the test cards listed for developers. */
export function renderBillingAuthPage(params: BillingAuthParams, error?: string): string {
  const hidden = (['customerKey', 'successUrl', 'failUrl', 'customerName', 'customerEmail'] as const)
    .map((name) => `<input type="hidden" name="${name}" value="${escape(params[name] ?? '')}">`)
    .join('\n      ');
  const cards = TEST_CARDS.map((c) => `<tr><td><code>${c.number}</code></td><td>${escape(c.description)}</td></tr>`).join('\n        ');
  return `<!doctype html>
<html lang="ko">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>카드 등록 — Toss sandbox</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; color: #191f28; }
    label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
    input { width: 100%; padding: .5rem; font-size: 1rem; box-sizing: border-box; }
    .row { display: flex; gap: .5rem; } .row > div { flex: 1; }
    .actions { display: flex; gap: .5rem; margin-top: 1.25rem; }
    button { flex: 1; padding: .75rem; font-size: 1rem; border: 0; border-radius: .5rem; cursor: pointer; }
    button[value=submit] { background: #3182f6; color: #fff; } button[value=cancel] { background: #e5e8eb; }
    .error { background: #ffeeee; color: #c00; padding: .5rem; border-radius: .25rem; }
    table { font-size: .8rem; margin-top: 2rem; border-collapse: collapse; } td { padding: .2rem .4rem; border-top: 1px solid #eee; }
  </style>
</head>
<body>
  <h1>카드 등록</h1>
  <p>Toss Payments sandbox — no real card is charged.</p>
  ${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
  <form method="post" action="/window/billing-auth">
      ${hidden}
    <label for="cardNumber">카드 번호</label>
    <input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" required>
    <div class="row">
      <div><label for="expirationMonth">유효기간 월 (MM)</label><input id="expirationMonth" name="expirationMonth" inputmode="numeric" maxlength="2" required></div>
      <div><label for="expirationYear">유효기간 연 (YY)</label><input id="expirationYear" name="expirationYear" inputmode="numeric" maxlength="2" required></div>
    </div>
    <label for="identityNumber">생년월일 6자리 또는 사업자번호 10자리</label>
    <input id="identityNumber" name="identityNumber" inputmode="numeric" maxlength="10" required>
    <label for="otp">본인인증 번호 (테스트: 000000)</label>
    <input id="otp" name="otp" inputmode="numeric" maxlength="6" required>
    <div class="actions">
      <button type="submit" name="action" value="cancel" formnovalidate>취소</button>
      <button type="submit" name="action" value="submit">등록</button>
    </div>
  </form>
  <table>
    <caption>Test cards (any future expiry, any birth date)</caption>
        ${cards}
  </table>
</body>
</html>`;
}
