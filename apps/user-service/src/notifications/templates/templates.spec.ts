import { NOTICE_KINDS, type NoticeData, type NoticeKind, noticeDataSchemas } from '@roastery/contracts';
import { escapeHtml, formatDate, formatWon } from './format';
import { renderNotice, templates } from './index';

const sub = '0193a000-0000-7000-8000-000000000001';
const order = '0193a000-0000-7000-8000-0000000000aa';

/** One valid example per kind; `satisfies` keeps it in step with the contract. */
const examples = {
  PRE_CHARGE: { subscriptionId: sub, itemName: '에티오피아 예가체프 200g', billingDate: '2026-11-24', amountWon: 12_900 },
  CHARGED: { subscriptionId: sub, orderId: order, itemName: '에티오피아 예가체프 200g', amountWon: 12_900, cardCompany: '현대', maskedNumber: '43301234****123*' },
  PAYMENT_FAILED: {
    subscriptionId: sub,
    orderId: order,
    itemName: '케냐 AA 500g',
    amountWon: 31_500,
    reason: 'CARD_DECLINED',
    nextRetryDate: '2026-11-25',
    finalAttempt: false,
  },
  PAST_DUE: { subscriptionId: sub, itemName: '케냐 AA 500g', failedCycles: 2 },
  SKIPPED_FOR_STOCK: { subscriptionId: sub, orderId: order, itemName: '파나마 게이샤 100g', billingDate: '2026-12-01' },
  SUBSCRIPTION_STARTED: { subscriptionId: sub, itemName: '콜롬비아 수프리모 1kg', amountWon: 1_234_500, nextBillingDate: '2026-12-08' },
  PRICE_CHANGE: { subscriptionId: sub, itemName: '콜롬비아 수프리모 1kg', oldUnitPriceWon: 18_000, newUnitPriceWon: 19_500, effectiveFrom: '2027-01-04' },
  SHIPPED: { orderId: order, itemName: '케냐 AA 500g', carrier: 'CJ대한통운', trackingNumber: '612345678901' },
  DELIVERED: { orderId: order, itemName: '케냐 AA 500g', autoConfirmDays: 7 },
  CANCELLED: { orderId: order, itemName: '케냐 AA 500g' },
  CANCEL_REFUSED: { orderId: order, itemName: '케냐 AA 500g', reason: 'ALREADY_SHIPPED' },
  REFUNDED: { orderId: order, itemName: '케냐 AA 500g', amountWon: 5_000, reason: '배송 지연 보상' },
} satisfies NoticeData;

const render = <K extends NoticeKind>(kind: K, data: NoticeData[K]) => renderNotice(kind, data);

describe('formatting', () => {
  it.each([
    [0, '0원'],
    [900, '900원'],
    [12_900, '12,900원'],
    [1_234_567, '1,234,567원'],
  ])('formats %d won as %s', (n, s) => expect(formatWon(n)).toBe(s));

  it.each([
    ['2026-11-24', '2026년 11월 24일 (화)'],
    ['2024-02-29', '2024년 2월 29일 (목)'],
    ['2027-01-03', '2027년 1월 3일 (일)'],
  ])('formats %s as %s', (ymd, s) => expect(formatDate(ymd)).toBe(s));

  it('escapes the five HTML specials', () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
});

describe('notice templates', () => {
  it('has a template and a valid example for every kind of the contract', () => {
    expect(Object.keys(templates).sort()).toEqual([...NOTICE_KINDS].sort());
    for (const kind of NOTICE_KINDS) expect(noticeDataSchemas[kind].safeParse(examples[kind]).success).toBe(true);
  });

  it.each(NOTICE_KINDS)('%s renders a title, body and a complete email', (kind) => {
    const r = renderNotice(kind, examples[kind]);
    expect(r.title).not.toHaveLength(0);
    expect(r.body).toContain(examples[kind].itemName);
    expect(r.email.subject).toBe(`[로스터리 마켓] ${r.title}`);
    expect(r.email.text.startsWith(`${r.title}\n`)).toBe(true);
    expect(r.email.html).toMatch(/^<!doctype html><html lang="ko">.*<\/html>$/s);
    expect(r.email.html).toContain(`<h1 style="font-size:20px">${r.title}</h1>`);
  });

  it('PRE_CHARGE gives the date and the amount', () => {
    const r = render('PRE_CHARGE', examples.PRE_CHARGE);
    expect(r.title).toBe('정기구독 결제 예정 안내');
    expect(r.body).toContain('에티오피아 예가체프 200g 정기구독이 2026년 11월 24일 (화)에 12,900원 결제될 예정입니다.');
    expect(r.email.text).toContain('결제 예정 금액: 12,900원');
    expect(r.email.html).toContain('<td style="padding:4px 0">2026년 11월 24일 (화)</td>');
  });

  it('CHARGED names the card; a one-off order is not called a subscription', () => {
    const r = render('CHARGED', examples.CHARGED);
    expect(r.body).toContain('에티오피아 예가체프 200g 정기구독 12,900원이 현대카드 (43301234****123*)로 결제되었습니다.');
    expect(r.email.text).toContain(`주문 번호: ${order}`);
    const oneOff = render('CHARGED', { ...examples.CHARGED, subscriptionId: null });
    expect(oneOff.body).toContain('에티오피아 예가체프 200g 12,900원이');
    expect(oneOff.body).not.toContain('정기구독');
  });

  describe('PAYMENT_FAILED says what to do', () => {
    const failed = (o: Partial<NoticeData['PAYMENT_FAILED']>) => render('PAYMENT_FAILED', { ...examples.PAYMENT_FAILED, ...o });

    it('soft decline: we retry on the date, check the funds', () => {
      const r = failed({});
      expect(r.title).toBe('결제 실패: 카드 잔액을 확인해 주세요');
      expect(r.body).toContain('2026년 11월 25일 (수)에 같은 카드로 다시 결제합니다');
      expect(r.body).toContain('잔액이나 한도');
      expect(r.email.text).toContain('다음 시도일: 2026년 11월 25일 (수)');
    });

    it('hard decline: register or choose another card, no automatic retry', () => {
      const r = failed({ reason: 'CARD_NEEDS_REPLACEMENT', nextRetryDate: null });
      expect(r.title).toBe('결제 실패: 카드를 바꿔 주세요');
      expect(r.body).toContain('새 카드를 등록하거나 다른 카드를 선택해 주세요');
      expect(r.body).toContain('다시 시도하지 않습니다');
      expect(r.email.text).not.toContain('다음 시도일');
    });

    it('provider failure: retried, nothing to do', () => {
      const r = failed({ reason: 'PROVIDER_UNAVAILABLE' });
      expect(r.title).toBe('결제 지연 안내');
      expect(r.body).toContain('2026년 11월 25일 (수)에 자동으로 다시 결제합니다');
    });

    it('final attempt: this box is skipped, whatever the reason', () => {
      for (const reason of ['CARD_DECLINED', 'CARD_NEEDS_REPLACEMENT', 'PROVIDER_UNAVAILABLE'] as const) {
        const r = failed({ reason, nextRetryDate: null, finalAttempt: true });
        expect(r.title).toBe('결제 실패: 이번 회차를 건너뜁니다');
        expect(r.body).toContain('이번 회차 상자는 건너뜁니다');
        expect(r.body).toContain('결제된 금액은 없습니다');
      }
    });

    it('a retry without a date says soon', () => {
      expect(failed({ nextRetryDate: null }).body).toContain('곧 같은 카드로 다시 결제합니다');
    });
  });

  it('PAST_DUE: paused, and how to resume', () => {
    const r = render('PAST_DUE', examples.PAST_DUE);
    expect(r.title).toBe('결제 실패로 구독이 일시정지되었습니다');
    expect(r.body).toContain('2회 연속 실패');
    expect(r.body).toContain('새 카드를 등록하거나 다른 카드를 선택한 뒤');
    expect(r.body).toContain('재개');
  });

  it('SKIPPED_FOR_STOCK: nothing charged, next box as usual', () => {
    const r = render('SKIPPED_FOR_STOCK', examples.SKIPPED_FOR_STOCK);
    expect(r.body).toContain('2026년 12월 1일 (화) 회차 상자를 보내 드리지 못합니다');
    expect(r.body).toContain('결제된 금액이 없으며, 다음 상자는 평소대로');
  });

  it('SUBSCRIPTION_STARTED: amount and next billing date', () => {
    const r = render('SUBSCRIPTION_STARTED', examples.SUBSCRIPTION_STARTED);
    expect(r.body).toContain('다음 결제는 2026년 12월 8일 (화)에 1,234,500원입니다');
  });

  it('PRICE_CHANGE: old and new price, and that it needs consent', () => {
    const r = render('PRICE_CHANGE', examples.PRICE_CHANGE);
    expect(r.body).toContain('18,000원에서 19,500원으로 변경했습니다');
    expect(r.body).toContain('2027년 1월 4일 (월) 결제분부터, 동의하신 경우에만 적용됩니다');
  });

  it.each(NOTICE_KINDS)('%s escapes the item name in the HTML email only', (kind) => {
    const evil = '<script>alert("x")</script> & \'co\'';
    const r = renderNotice(kind, { ...examples[kind], itemName: evil });
    expect(r.email.html).not.toContain('<script>');
    expect(r.email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    // The app renders text (React escapes it) and a text email is not HTML: both keep the name as it is.
    expect(r.body).toContain(evil);
    expect(r.email.text).toContain(evil);
  });

  it('keeps a line break in an item name out of the subject header', () => {
    const r = renderNotice('PRE_CHARGE', { ...examples.PRE_CHARGE, itemName: 'a\r\nBcc: x@example.com' });
    expect(r.email.subject).not.toMatch(/[\r\n]/);
  });

  it('renders an unknown kind (from a newer build) as a generic notice', () => {
    expect(renderNotice('GIFT_SENT', { orderId: order })).toMatchObject({ title: '알림', body: '새 알림이 있습니다.' });
  });
});
