import type { OrderDto } from '@roastery/contracts';
import { useEffect } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Table from 'react-bootstrap/Table';
import { Link, useParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { formatDateTime, formatWon } from '../../common/utils/format';
import { OrderAfterSale } from '../orderActions/OrderAfterSale';
import { formatSeoulDate, PAYMENT_STATUS } from './orderLabels';
import { OrderStatusBadge } from './OrdersPage';
import { orderPageOpened, selectOrderDetail } from './ordersSlice';

/** /me/orders/:id: one order's lines, shipping fees, amounts and every payment attempt. */
export function OrderDetailPage() {
  const { id = '' } = useParams();
  const dispatch = useAppDispatch();
  const { load, problem, order } = useAppSelector(selectOrderDetail);
  usePageTitle(order?.orderName ?? '주문');

  useEffect(() => {
    dispatch(orderPageOpened({ id }));
  }, [dispatch, id]);

  return (
    <>
      <nav aria-label="breadcrumb" className="mt-3 small">
        <Link to="/me">My page</Link> / <Link to="/me/orders">주문 내역</Link> / 주문
      </nav>
      {load === 'loading' && !order ? <PageSpinner label="Loading the order…" /> : null}
      {load === 'failed' ? <ProblemAlert problem={problem} messages={{ NOT_FOUND: '이 주문을 찾을 수 없습니다.' }} onRetry={() => dispatch(orderPageOpened({ id }))} /> : null}
      {order ? <OrderDetail order={order} onReload={() => dispatch(orderPageOpened({ id }))} reloading={load === 'loading'} /> : null}
    </>
  );
}

function OrderDetail({ order, onReload, reloading }: { order: OrderDto; onReload: () => void; reloading: boolean }) {
  return (
    <article data-testid="order-detail" data-status={order.status} data-id={order.id}>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mt-2 mb-3">
        <h1 className="h3 mb-0">
          {order.orderName} <OrderStatusBadge status={order.status} afterSaleState={order.afterSale?.state ?? order.afterSaleState} />
        </h1>
        <Button size="sm" variant="outline-secondary" onClick={onReload} disabled={reloading} data-testid="order-reload">
          새로고침
        </Button>
      </div>
      <p className="text-muted">
        결제일 {formatSeoulDate(order.billingDate)}
        {order.cycle !== null ? ` · ${order.cycle + 1}회차` : ''}
        {order.subscriptionId ? (
          <>
            {' · '}
            <Link to={`/me/subscriptions/${order.subscriptionId}`} data-testid="order-subscription-link">
              정기배송 보기
            </Link>
          </>
        ) : null}
        {order.nextAttemptAt ? ` · 다음 결제 시도 ${formatSeoulDate(order.nextAttemptAt)}` : ''}
      </p>
      <Card className="mb-3">
        <Card.Header as="h2" className="h6 mb-0">
          상품
        </Card.Header>
        <Table className="mb-0 align-middle" data-testid="order-lines">
          <tbody>
            {order.lines.map((l) => (
              <tr key={l.id} data-testid="order-line">
                <td>
                  {l.productName} <span className="text-muted">· {l.optionLabel}</span>
                </td>
                <td className="text-end">
                  {formatWon(l.unitPriceWon)} × {l.quantity}
                </td>
                <td className="text-end fw-semibold">{formatWon(l.lineTotalWon)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <dl className="row mb-4" data-testid="order-amounts">
        <dt className="col-sm-3">상품 금액</dt>
        <dd className="col-sm-9">{formatWon(order.merchandiseWon)}</dd>
        <dt className="col-sm-3">배송비</dt>
        <dd className="col-sm-9" data-testid="order-shipping">
          {order.shippingWon === 0 ? '무료' : formatWon(order.shippingWon)}
        </dd>
        {order.discountWon > 0 ? (
          <>
            <dt className="col-sm-3">할인</dt>
            <dd className="col-sm-9">−{formatWon(order.discountWon)}</dd>
          </>
        ) : null}
        <dt className="col-sm-3">합계</dt>
        <dd className="col-sm-9 fw-bold" data-testid="order-total">
          {formatWon(order.totalWon)}
        </dd>
        <dt className="col-sm-3">결제된 금액</dt>
        <dd className="col-sm-9" data-testid="order-paid">
          {formatWon(order.paidWon)}
        </dd>
        <dt className="col-sm-3">배송지</dt>
        <dd className="col-sm-9">
          {order.shipTo.recipient} · ({order.shipTo.postalCode}) {order.shipTo.line1} {order.shipTo.line2}
        </dd>
      </dl>
      <OrderAfterSale order={order} />
      <h2 className="h5">결제 시도</h2>
      {order.payments.length === 0 ? (
        <p className="text-muted" data-testid="no-payments">
          결제를 시도하지 않았습니다.
        </p>
      ) : (
        <Table size="sm" className="align-middle" data-testid="payment-attempts">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">시각</th>
              <th scope="col" className="text-end">
                금액
              </th>
              <th scope="col">결과</th>
            </tr>
          </thead>
          <tbody>
            {order.payments.map((p) => (
              <tr key={p.attempt} data-testid="payment-attempt" data-status={p.status}>
                <td>{p.attempt}</td>
                <td>{formatDateTime(p.resolvedAt ?? p.createdAt)}</td>
                <td className="text-end">{formatWon(p.amountWon)}</td>
                <td>
                  <Badge bg={PAYMENT_STATUS[p.status].bg}>{PAYMENT_STATUS[p.status].label}</Badge>
                  {p.failureCode ? (
                    <span className="small text-muted ms-2">
                      {p.failureCode}
                      {p.failureMessage ? ` — ${p.failureMessage}` : ''}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </article>
  );
}
