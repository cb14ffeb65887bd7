import type { SubscriptionDto } from '@roastery/contracts';
import { useEffect } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import Table from 'react-bootstrap/Table';
import { Link, useParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import type { Problem } from '../../common/problem';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { formatDateTime, formatWon } from '../../common/utils/format';
import { addressesPageOpened } from '../addresses/addressesSlice';
import { formatSeoulDate } from '../orders/orderLabels';
import { OrderStatusBadge } from '../orders/OrdersPage';
import { paymentMethodsPageOpened, selectCards } from '../paymentMethods/paymentMethodsSlice';
import { ChangeSubscriptionForm } from './components/ChangeSubscriptionForm';
import { SubscriptionActions } from './components/SubscriptionActions';
import { intervalLabel, openBoxStatus } from './subscriptionLabels';
import { SubscriptionStatusBadge } from './SubscriptionsPage';
import {
  selectSubscriptionDetail,
  subscriptionNoticeDismissed,
  subscriptionOperationRequested,
  subscriptionPageLeft,
  subscriptionPageOpened,
  subscriptionRefreshRequested,
} from './subscriptionsSlice';

/** How the page words the server's refusals of an operation. */
export function operationMessage(problem: Problem): string {
  switch (problem.code) {
    case 'CONFLICT':
      return '그사이 이 정기배송이 바뀌었습니다. 최신 내용을 다시 불러왔으니 확인하고 다시 시도해 주세요.';
    case 'INVALID_STATE':
      return `지금 상태에서는 할 수 없습니다: ${problem.message}. 최신 내용을 다시 불러왔습니다.`;
    case 'DATE_OUT_OF_BOUNDS':
      return '허용 범위 밖의 날짜입니다. 결제일 변경은 내일부터 현재 결제일 4주 뒤까지, 일시정지는 1년 이내, 재개는 4주 이내의 날짜를 골라 주세요.';
    case 'OUT_OF_STOCK':
      return '재고가 부족해 이 옵션이나 수량으로 바꿀 수 없습니다.';
    case 'ITEM_UNAVAILABLE':
      return '이 원두는 지금 판매하지 않습니다.';
    case 'NOT_FOUND':
      return '선택한 배송지나 카드를 찾을 수 없습니다. 목록을 새로 불러와 다시 골라 주세요.';
    default:
      return problem.message;
  }
}

/** /me/subscriptions/:id: one subscription's dates, next box, open box, operations and latest boxes. */
export function SubscriptionDetailPage() {
  const { id = '' } = useParams();
  const dispatch = useAppDispatch();
  const detail = useAppSelector(selectSubscriptionDetail);
  const s = detail.subscription?.id === id ? detail.subscription : null;
  usePageTitle(s ? `${s.itemName} · 정기배송` : '정기배송');

  useEffect(() => {
    dispatch(subscriptionPageOpened({ id }));
    dispatch(addressesPageOpened());
    dispatch(paymentMethodsPageOpened({ keepNotice: true }));
    return () => {
      dispatch(subscriptionPageLeft());
    };
  }, [dispatch, id]);

  return (
    <>
      <nav aria-label="breadcrumb" className="mt-3 small">
        <Link to="/me">My page</Link> / <Link to="/me/subscriptions">정기배송</Link> / {s?.itemName ?? '…'}
      </nav>
      {detail.load === 'loading' && !s ? <PageSpinner label="Loading the subscription…" /> : null}
      {detail.load === 'failed' && !s ? (
        <ProblemAlert problem={detail.problem} messages={{ NOT_FOUND: '이 정기배송을 찾을 수 없습니다.' }} onRetry={() => dispatch(subscriptionPageOpened({ id }))} />
      ) : null}
      {s ? (
        <article data-testid="subscription-detail" data-id={s.id} data-status={s.status} data-version={s.version}>
          <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mt-2 mb-3">
            <h1 className="h3 mb-0">
              {s.itemName} <SubscriptionStatusBadge status={s.status} />
            </h1>
            <Button size="sm" variant="outline-secondary" onClick={() => dispatch(subscriptionRefreshRequested({ id }))} data-testid="subscription-reload">
              새로고침
            </Button>
          </div>
          {detail.notice ? (
            <Alert variant="success" dismissible onClose={() => dispatch(subscriptionNoticeDismissed())} data-testid="subscription-notice">
              {detail.notice}
            </Alert>
          ) : null}
          {detail.actionProblem ? (
            <Alert variant="danger" data-testid="subscription-action-problem" data-code={detail.actionProblem.code} role="alert">
              {operationMessage(detail.actionProblem)}
            </Alert>
          ) : null}
          <OpenBox subscription={s} />
          <PriceChange subscription={s} />
          <Row className="g-4">
            <Col lg={6}>
              <Summary subscription={s} />
            </Col>
            <Col lg={6}>
              <SubscriptionActions subscription={s} />
              <ChangeSubscriptionForm key={`${s.id}:${s.version}`} subscription={s} />
            </Col>
          </Row>
          <Boxes />
        </article>
      ) : null}
    </>
  );
}

function OpenBox({ subscription: s }: { subscription: SubscriptionDto }) {
  if (!s.openOrder) return null;
  const open = openBoxStatus(s.openOrder);
  return (
    <Alert variant={open.variant} data-testid="open-box" data-status={s.openOrder.status}>
      <p className="mb-1 fw-semibold">이번 상자 ({formatSeoulDate(s.nextBillingDate)})</p>
      <p className="mb-1" data-testid="open-box-text">
        {open.text}
      </p>
      {open.needsCard ? (
        <Link to="/me/payment-methods" className="alert-link" data-testid="open-box-card-link">
          결제 수단에서 새 카드 등록
        </Link>
      ) : null}
    </Alert>
  );
}

/** A partner's price rise: it applies only with the subscriber's consent (without it the subscription pauses on that date). */
function PriceChange({ subscription: s }: { subscription: SubscriptionDto }) {
  const dispatch = useAppDispatch();
  const { busy } = useAppSelector(selectSubscriptionDetail);
  const change = s.pendingPriceChange;
  if (!change) return null;
  const waiting = s.status === 'PAUSED' && s.pauseReason === 'PRICE_CONSENT';
  return (
    <Alert variant="warning" data-testid="pending-price-change" data-consented={change.consentedAt !== null}>
      <p className="mb-2">
        {waiting ? '새 가격에 동의하지 않아 일시정지되었습니다. ' : ''}
        {formatSeoulDate(change.effectiveFrom)}부터 개당 가격이 {formatWon(s.unitPriceWon)}에서 {formatWon(change.unitPriceWon)}으로 오릅니다.
        {change.consentedAt ? ` ${formatDateTime(change.consentedAt)}에 동의했습니다.` : ' 동의해야 그날부터 계속 받을 수 있습니다.'}
      </p>
      {change.consentedAt ? null : (
        <Button size="sm" variant="warning" disabled={busy !== null} onClick={() => dispatch(subscriptionOperationRequested({ id: s.id, op: { kind: 'acceptPrice' } }))} data-testid="op-accept-price">
          {busy === 'acceptPrice' ? '처리 중…' : '새 가격에 동의'}
        </Button>
      )}
    </Alert>
  );
}

function Summary({ subscription: s }: { subscription: SubscriptionDto }) {
  const cards = useAppSelector(selectCards);
  const card = cards.find((c) => c.id === s.paymentMethodId);
  return (
    <Card className="mb-4" data-testid="subscription-summary">
      <Card.Body>
        <dl className="row mb-0">
          <dt className="col-5">구성</dt>
          <dd className="col-7">
            {s.optionLabel} × {s.quantity} · {intervalLabel(s.intervalWeeks)}
          </dd>
          <dt className="col-5">다음 결제일</dt>
          <dd className="col-7 fw-semibold" data-testid="next-billing-date" data-date={s.nextBillingDate ?? ''}>
            {s.nextBillingDate ? formatSeoulDate(s.nextBillingDate) : s.status === 'PAUSED' ? '일시정지 중' : '없음'}
          </dd>
          {s.pausedUntil ? (
            <>
              <dt className="col-5">일시정지 종료</dt>
              <dd className="col-7" data-testid="paused-until">
                {formatSeoulDate(s.pausedUntil)}
              </dd>
            </>
          ) : null}
          {s.upcomingDates.length > 0 ? (
            <>
              <dt className="col-5">예정일</dt>
              <dd className="col-7">
                <ul className="list-unstyled mb-0 small" data-testid="upcoming-dates">
                  {s.upcomingDates.map((d) => (
                    <li key={d} data-date={d}>
                      {formatSeoulDate(d)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt className="col-5">배송지</dt>
          <dd className="col-7">
            {s.shipTo.recipient} · {s.shipTo.line1} {s.shipTo.line2}
          </dd>
          <dt className="col-5">결제 카드</dt>
          <dd className="col-7" data-testid="subscription-card">
            {card ? `${card.cardCompany} ${card.maskedNumber}` : '등록된 카드'}
          </dd>
          <dt className="col-5">정기결제 동의</dt>
          <dd className="col-7 small" data-testid="subscription-consent">
            약관 {s.consent.termsVersion} · {formatDateTime(s.consent.consentedAt)}
          </dd>
          {s.cancelReason ? (
            <>
              <dt className="col-5">해지 이유</dt>
              <dd className="col-7" data-testid="cancel-reason-shown">
                {s.cancelReason}
              </dd>
            </>
          ) : null}
        </dl>
      </Card.Body>
      {s.preview ? (
        <Card.Footer data-testid="subscription-preview">
          <p className="fw-semibold mb-1">다음 상자 ({formatSeoulDate(s.preview.billingDate)})</p>
          <p className="mb-1">
            {s.preview.itemName} · {s.preview.optionLabel} × {s.preview.quantity}
          </p>
          <p className="mb-0 small">
            상품 {formatWon(s.preview.merchandiseWon)} + 배송비{' '}
            <span data-testid="preview-shipping">{s.preview.shippingFeeWon === 0 ? '무료' : formatWon(s.preview.shippingFeeWon)}</span> ={' '}
            <strong data-testid="preview-total">{formatWon(s.preview.totalWon)}</strong>
          </p>
        </Card.Footer>
      ) : null}
    </Card>
  );
}

function Boxes() {
  const { boxes, subscription } = useAppSelector(selectSubscriptionDetail);
  return (
    <section aria-labelledby="boxes-heading" className="mb-4">
      <h2 id="boxes-heading" className="h5">
        최근 상자
      </h2>
      {boxes.length === 0 ? (
        <p className="text-muted">아직 상자가 없습니다.</p>
      ) : (
        <Table size="sm" className="align-middle" data-testid="subscription-boxes">
          <tbody>
            {boxes.map((o) => (
              <tr key={o.id} data-testid="box-row" data-status={o.status} data-cycle={o.cycle ?? ''}>
                <td>{formatSeoulDate(o.billingDate)}</td>
                <td>{o.cycle !== null ? `${o.cycle + 1}회차` : ''}</td>
                <td className="text-end">{formatWon(o.totalWon)}</td>
                <td>
                  <OrderStatusBadge status={o.status} afterSaleState={o.afterSaleState} />
                </td>
                <td>
                  <Link to={`/me/orders/${o.id}`}>자세히</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {subscription ? (
        <Link to="/me/orders" className="small">
          전체 주문 내역
        </Link>
      ) : null}
    </section>
  );
}
