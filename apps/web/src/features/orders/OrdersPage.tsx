import type { OrderState, OrderSummaryDto } from '@roastery/contracts';
import { useEffect } from 'react';
import Badge from 'react-bootstrap/Badge';
import Table from 'react-bootstrap/Table';
import { Link } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { Pager } from '../../common/ui/Pager';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { formatWon } from '../../common/utils/format';
import { AFTER_SALE_STATE, formatSeoulDate, ORDER_STATUS } from './orderLabels';
import { ordersPageOpened, selectOrderList, selectOrderPageCount } from './ordersSlice';

/** A status badge of an order (boxes and one-off orders alike). */
export function OrderStatusBadge({ status, afterSaleState }: { status: OrderSummaryDto['status']; afterSaleState?: OrderState | null }) {
  // Once paid, what happened after payment (shipped, cancelled and refunded …) is what the subscriber needs to see.
  const s = (status === 'PAID' && afterSaleState ? AFTER_SALE_STATE[afterSaleState] : undefined) ?? ORDER_STATUS[status] ?? { label: status, bg: 'secondary' };
  return (
    <Badge bg={s.bg} data-testid="order-status" data-status={status} data-after-sale={afterSaleState ?? undefined}>
      {s.label}
    </Badge>
  );
}

/** /me/orders (주문 내역): every order, newest first, with its payment status. */
export function OrdersPage() {
  usePageTitle('주문 내역 · Orders');
  const dispatch = useAppDispatch();
  const { load, problem, items, page } = useAppSelector(selectOrderList);
  const pageCount = useAppSelector(selectOrderPageCount);

  useEffect(() => {
    dispatch(ordersPageOpened());
  }, [dispatch]);

  return (
    <>
      <nav aria-label="breadcrumb" className="mt-3 small">
        <Link to="/me">My page</Link> / 주문 내역
      </nav>
      <h1 className="h3 mt-2 mb-4">주문 내역 · Orders</h1>
      {load === 'loading' && items.length === 0 ? <PageSpinner label="Loading your orders…" /> : null}
      {load === 'failed' ? <ProblemAlert problem={problem} onRetry={() => dispatch(ordersPageOpened({ page }))} /> : null}
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted" data-testid="no-orders">
          아직 주문이 없습니다. 원두 페이지에서 정기배송을 신청해 보세요.
        </p>
      ) : null}
      {items.length > 0 ? (
        <Table responsive hover className="align-middle" data-testid="order-list">
          <thead>
            <tr>
              <th scope="col">결제일</th>
              <th scope="col">주문</th>
              <th scope="col" className="text-end">
                금액
              </th>
              <th scope="col">상태</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.id} data-testid="order-row" data-id={o.id} data-status={o.status} data-cycle={o.cycle ?? ''}>
                <td>{formatSeoulDate(o.billingDate)}</td>
                <td>
                  <Link to={`/me/orders/${o.id}`} data-testid="order-link">
                    {o.orderName}
                  </Link>
                  {o.cycle !== null ? <span className="text-muted small ms-2">{o.cycle + 1}회차</span> : null}
                </td>
                <td className="text-end">{formatWon(o.totalWon)}</td>
                <td>
                  <OrderStatusBadge status={o.status} afterSaleState={o.afterSaleState} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <Pager page={page} pageCount={pageCount} onPage={(p) => dispatch(ordersPageOpened({ page: p }))} testIdPrefix="orders-page" />
    </>
  );
}
