import type { CatalogItemDetailDto, CreateSubscriptionRequest } from '@roastery/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Form from 'react-bootstrap/Form';
import { Link, useLocation } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { ProblemAlert } from '../../../common/ui/ProblemAlert';
import { formatWon } from '../../../common/utils/format';
import { newIdempotencyKey } from '../../../common/utils/idempotencyKey';
import { addressesPageOpened, selectAddresses, selectAddressesLoad } from '../../addresses/addressesSlice';
import { selectSessionStatus } from '../../auth/authSlice';
import { formatSeoulDate } from '../../orders/orderLabels';
import { paymentMethodsPageOpened, selectCards, selectCardsLoad } from '../../paymentMethods/paymentMethodsSlice';
import { GRIND_LABELS, weightLabel } from '../../storefront/catalogLabels';
import { estimateBox, INTERVALS, intervalLabel, termsOf } from '../subscriptionLabels';
import { selectSubscribe, selectTerms, subscribeKeyFor, subscribePanelOpened, subscribeResultDismissed, subscribeSubmitted } from '../subscriptionsSlice';

const optionText = (o: CatalogItemDetailDto['options'][number]) => `${weightLabel(o.weightGrams)} · ${GRIND_LABELS[o.grind]} — ${formatWon(o.priceWon)}${o.stockStatus === 'SOLD_OUT' ? ' (품절)' : ''}`;

/** The item page's 정기배송 신청 panel: sign in first, then choose and agree; the first box is charged at once. */
export function SubscribePanel({ item }: { item: CatalogItemDetailDto }) {
  const session = useAppSelector(selectSessionStatus);
  const location = useLocation();
  return (
    <Card className="shadow-sm mb-4" data-testid="subscribe-panel" as="section" aria-labelledby="subscribe-heading">
      <Card.Header as="h2" id="subscribe-heading" className="h5 mb-0">
        정기배송 신청 <span className="text-muted small">· Subscribe</span>
      </Card.Header>
      <Card.Body>
        {session === 'authenticated' ? (
          <SubscribeForm item={item} />
        ) : (
          <p className="mb-0">
            1·2·4주마다 신선한 원두를 받아 보세요.{' '}
            <Link to="/login" state={{ from: location.pathname }} data-testid="subscribe-sign-in">
              로그인하고 신청하기
            </Link>
          </p>
        )}
      </Card.Body>
    </Card>
  );
}

function SubscribeForm({ item }: { item: CatalogItemDetailDto }) {
  const dispatch = useAppDispatch();
  const subscribe = useAppSelector(selectSubscribe);
  const terms = termsOf(useAppSelector(selectTerms));
  const addresses = useAppSelector(selectAddresses);
  const addressesLoad = useAppSelector(selectAddressesLoad);
  const cards = useAppSelector(selectCards);
  const cardsLoad = useAppSelector(selectCardsLoad);
  const firstOnSale = item.options.find((o) => o.stockStatus !== 'SOLD_OUT') ?? item.options[0];
  const [optionId, setOptionId] = useState(firstOnSale?.id ?? '');
  const [quantity, setQuantity] = useState(1);
  const [intervalWeeks, setIntervalWeeks] = useState<1 | 2 | 4>(2);
  const [addressId, setAddressId] = useState('');
  const [paymentMethodId, setPaymentMethodId] = useState('');
  const [agreed, setAgreed] = useState(false);

  useEffect(() => {
    dispatch(subscribePanelOpened({ itemId: item.id }));
    dispatch(addressesPageOpened());
    dispatch(paymentMethodsPageOpened({ keepNotice: true }));
  }, [dispatch, item.id]);
  // The default address and card, once they are known (and while nothing else was chosen).
  const chosenAddress = addresses.some((a) => a.id === addressId) ? addressId : (addresses.find((a) => a.isDefault) ?? addresses[0])?.id ?? '';
  const chosenCard = cards.some((c) => c.id === paymentMethodId) ? paymentMethodId : (cards.find((c) => c.isDefault) ?? cards[0])?.id ?? '';

  const option = item.options.find((o) => o.id === optionId);
  const box = option ? estimateBox(option.priceWon, quantity, terms) : null;
  const submitting = subscribe.phase === 'submitting';
  const validQuantity = Number.isInteger(quantity) && quantity >= 1 && quantity <= 20;
  const canSubmit = !!option && option.stockStatus !== 'SOLD_OUT' && validQuantity && !!chosenAddress && !!chosenCard && agreed && !submitting;

  if (subscribe.itemId === item.id && (subscribe.phase === 'done' || subscribe.phase === 'following') && subscribe.result) {
    return <SubscribeResult />;
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!canSubmit) return;
    const body: CreateSubscriptionRequest = {
      catalogItemId: item.id,
      optionId,
      quantity,
      intervalWeeks,
      addressId: chosenAddress,
      paymentMethodId: chosenCard,
      agreeToRecurringPayment: true,
      termsVersion: terms.version,
    };
    dispatch(subscribeSubmitted({ body, idempotencyKey: subscribeKeyFor(subscribe.retry, body, newIdempotencyKey) }));
  };

  return (
    <Form onSubmit={onSubmit} noValidate data-testid="subscribe-form">
      <Form.Group className="mb-3" controlId="subscribe-option">
        <Form.Label>옵션</Form.Label>
        <Form.Select value={optionId} onChange={(e) => setOptionId(e.target.value)} data-testid="subscribe-option">
          {item.options.map((o) => (
            <option key={o.id} value={o.id} disabled={o.stockStatus === 'SOLD_OUT'}>
              {optionText(o)}
            </option>
          ))}
        </Form.Select>
      </Form.Group>
      <div className="d-flex flex-wrap gap-3 mb-3">
        <Form.Group controlId="subscribe-quantity" style={{ maxWidth: '8rem' }}>
          <Form.Label>수량</Form.Label>
          <Form.Control
            type="number"
            min={1}
            max={20}
            value={Number.isNaN(quantity) ? '' : quantity}
            onChange={(e) => setQuantity((e.target as HTMLInputElement).valueAsNumber)}
            isInvalid={!validQuantity}
            data-testid="subscribe-quantity"
          />
          <Form.Control.Feedback type="invalid">1–20</Form.Control.Feedback>
        </Form.Group>
        <fieldset>
          <legend className="form-label fs-6 mb-2">배송 주기</legend>
          {INTERVALS.map((w) => (
            <Form.Check
              inline
              key={w}
              type="radio"
              name="subscribe-interval"
              id={`subscribe-interval-${w}`}
              label={intervalLabel(w)}
              checked={intervalWeeks === w}
              onChange={() => setIntervalWeeks(w)}
              data-testid={`subscribe-interval-${w}`}
            />
          ))}
        </fieldset>
      </div>
      <Form.Group className="mb-3" controlId="subscribe-address">
        <Form.Label>배송지</Form.Label>
        {addressesLoad === 'loaded' && addresses.length === 0 ? (
          <p className="mb-0" data-testid="subscribe-no-address">
            저장된 배송지가 없습니다. <Link to="/me/addresses">배송지 추가하기</Link>
          </p>
        ) : (
          <Form.Select value={chosenAddress} onChange={(e) => setAddressId(e.target.value)} data-testid="subscribe-address" disabled={addresses.length === 0}>
            {addresses.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label ? `${a.label} · ` : ''}
                {a.recipient} · {a.line1} {a.line2}
              </option>
            ))}
          </Form.Select>
        )}
      </Form.Group>
      <Form.Group className="mb-3" controlId="subscribe-card">
        <Form.Label>결제 카드</Form.Label>
        {cardsLoad === 'loaded' && cards.length === 0 ? (
          <p className="mb-0" data-testid="subscribe-no-card">
            등록된 카드가 없습니다. <Link to="/me/payment-methods">카드 등록하기</Link>
          </p>
        ) : (
          <Form.Select value={chosenCard} onChange={(e) => setPaymentMethodId(e.target.value)} data-testid="subscribe-card" disabled={cards.length === 0}>
            {cards.map((c) => (
              <option key={c.id} value={c.id}>
                {c.cardCompany} {c.maskedNumber}
                {c.isDefault ? ' (기본)' : ''}
              </option>
            ))}
          </Form.Select>
        )}
      </Form.Group>
      {box ? (
        <dl className="row small bg-light rounded py-2 mx-0 mb-3" data-testid="subscribe-estimate">
          <dt className="col-6">상자당 상품 금액</dt>
          <dd className="col-6 text-end mb-1" data-testid="subscribe-merchandise">
            {formatWon(box.merchandiseWon)}
          </dd>
          <dt className="col-6">배송비</dt>
          <dd className="col-6 text-end mb-1" data-testid="subscribe-shipping">
            {box.shippingFeeWon === 0 ? '무료' : formatWon(box.shippingFeeWon)}
          </dd>
          <dt className="col-6">상자당 결제 금액</dt>
          <dd className="col-6 text-end fw-bold mb-1" data-testid="subscribe-total">
            {formatWon(box.totalWon)}
          </dd>
          <dd className="col-12 text-muted mb-0">
            {formatWon(terms.freeShippingThresholdWon)} 이상 무료배송. 첫 상자는 지금 결제되고, 이후 {intervalLabel(intervalWeeks)} 같은 카드로 결제됩니다.
          </dd>
        </dl>
      ) : null}
      <Form.Check
        className="mb-3"
        id="subscribe-consent"
        data-testid="subscribe-consent"
        checked={agreed}
        onChange={(e) => setAgreed(e.target.checked)}
        label={
          <>
            정기결제에 동의합니다: 해지할 때까지 위 주기마다 선택한 카드로 상자 금액이 자동 결제됩니다.{' '}
            <span className="text-muted" data-testid="subscribe-terms-version">
              (정기결제 약관 {terms.version} 버전)
            </span>
          </>
        }
      />
      <SubscribeProblem />
      <Button type="submit" disabled={!canSubmit} data-testid="subscribe-submit">
        {submitting ? '결제 중…' : subscribe.retry ? '다시 시도' : box ? `${formatWon(box.totalWon)} 결제하고 정기배송 시작` : '정기배송 시작'}
      </Button>
    </Form>
  );
}

function SubscribeProblem() {
  const { phase, problem, retry } = useAppSelector(selectSubscribe);
  if (phase !== 'failed' || !problem) return null;
  if (problem.code === 'PAYMENT_DECLINED') {
    return (
      <Alert variant="danger" data-testid="subscribe-result" data-outcome="DECLINED" role="alert">
        카드가 거절되어 정기배송이 시작되지 않았습니다 (결제된 금액 없음). 다른 카드를 선택하거나 <Link to="/me/payment-methods">새 카드를 등록</Link>해 주세요.
      </Alert>
    );
  }
  return (
    <ProblemAlert
      problem={problem}
      testId="subscribe-problem"
      messages={{
        OUT_OF_STOCK: '재고가 부족합니다. 수량을 줄이거나 다른 옵션을 선택해 주세요.',
        ITEM_UNAVAILABLE: '지금은 판매하지 않는 원두입니다.',
        NOT_FOUND: '배송지나 카드를 찾을 수 없습니다. 다시 선택해 주세요.',
        ...(retry
          ? {
              NETWORK_ERROR: '연결이 끊겨 결과를 알 수 없습니다. 다시 시도하면 같은 신청으로 처리되어 두 번 결제되지 않습니다.',
              BAD_RESPONSE: '서버가 응답하지 않아 결과를 알 수 없습니다. 다시 시도하면 같은 신청으로 처리되어 두 번 결제되지 않습니다.',
              IDEMPOTENCY_IN_PROGRESS: '이 신청을 아직 처리하고 있습니다. 잠시 후 다시 시도해 주세요.',
            }
          : {}),
      }}
    />
  );
}

function SubscribeResult() {
  const dispatch = useAppDispatch();
  const { phase, result } = useAppSelector(selectSubscribe);
  if (!result) return null;
  const { subscription, firstOrder } = result;
  const link = (
    <Link to={`/me/subscriptions/${subscription.id}`} className="alert-link" data-testid="subscribe-result-link">
      정기배송 보기
    </Link>
  );
  const next = subscription.nextBillingDate ? ` 다음 결제일은 ${formatSeoulDate(subscription.nextBillingDate)}입니다.` : '';
  let variant = 'info';
  let text = '첫 상자를 처리하고 있습니다…';
  if (firstOrder.status === 'PAID') {
    variant = 'success';
    text = `첫 상자 ${formatWon(firstOrder.totalWon)}이 결제되었습니다.${next}`;
  } else if (firstOrder.status === 'STOCK_REFUSED') {
    variant = 'warning';
    text = `재고가 부족해 첫 상자는 준비되지 않았고 결제되지 않았습니다.${next}`;
  } else if (firstOrder.status === 'RETRY_SCHEDULED' || firstOrder.status === 'AWAITING_CARD') {
    variant = 'warning';
    text = '첫 결제가 아직 처리되지 않았습니다. 정기배송 페이지에서 진행 상황을 확인하세요.';
  } else if (phase === 'done') {
    text = '첫 상자를 아직 처리하고 있습니다. 정기배송 페이지에서 결과를 확인하세요.';
  }
  return (
    <Alert variant={variant} data-testid="subscribe-result" data-outcome={firstOrder.status} className="mb-0">
      <p className="mb-2" data-testid="subscribe-result-text">
        {text}
      </p>
      <div className="d-flex gap-3">
        {link}
        <button type="button" className="btn btn-link alert-link p-0" onClick={() => dispatch(subscribeResultDismissed())} data-testid="subscribe-again">
          다른 구성으로 신청
        </button>
      </div>
    </Alert>
  );
}
