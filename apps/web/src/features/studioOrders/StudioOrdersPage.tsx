import { useEffect } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Form from 'react-bootstrap/Form';
import Table from 'react-bootstrap/Table';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { formatDateTime, formatWon } from '../../common/utils/format';
import { BulkShipPanel } from './components/BulkShipPanel';
import { DemandTable } from './components/DemandTable';
import { RefundDialog } from './components/RefundDialog';
import type { PartnerOrderDto } from '@roastery/contracts';
import type { OrderAction } from './studioOrdersApi';
import { orderActionClicked, orderSelectionToggled, refundDialogOpened, selectStudioOrders, shipDaySelectionToggled, studioOrdersViewed } from './studioOrdersSlice';

const items = (o: PartnerOrderDto) => o.lines.map((l) => `${l.productName} ${l.optionLabel} × ${l.quantity}`).join(', ');

/** The buttons of one order: its next step, a refund, and a refused step's message. */
function OrderActions({ order, action, label }: { order: PartnerOrderDto; action?: OrderAction; label?: string }) {
  const dispatch = useAppDispatch();
  const state = useAppSelector(selectStudioOrders).actions[order.id];
  return (
    <div className="d-flex flex-wrap gap-1 justify-content-end">
      {action && label && (
        <Button size="sm" variant="outline-primary" disabled={!!state?.pending} onClick={() => dispatch(orderActionClicked({ id: order.id, action }))} data-testid={`order-${action}`}>
          {state?.pending === action ? '…' : label}
        </Button>
      )}
      <Button size="sm" variant="outline-secondary" disabled={order.refundableWon === 0} onClick={() => dispatch(refundDialogOpened({ orderId: order.id }))} data-testid="order-refund">
        Refund
      </Button>
      {state?.problem && (
        <span className="text-danger small w-100 text-end" data-testid="order-action-problem">
          {state.problem.message}
        </span>
      )}
    </div>
  );
}

/**
 * /studio/orders: the fulfilment queue by ship-by date with what to roast, bulk ship with carrier
 * and tracking per order, orders to mark delivered, returns to confirm, and refunds within the limit.
 */
export function StudioOrdersPage() {
  usePageTitle('Orders');
  const dispatch = useAppDispatch();
  const { load, problem, queue, shipped, returns, selected } = useAppSelector(selectStudioOrders);
  useEffect(() => {
    dispatch(studioOrdersViewed());
  }, [dispatch]);
  const reload = () => dispatch(studioOrdersViewed());

  if (!queue) return load === 'failed' ? <ProblemAlert problem={problem} onRetry={reload} testId="studio-orders-problem" /> : <PageSpinner />;

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-end gap-3 my-4">
        <div>
          <h1 className="h3 mb-1">Orders</h1>
          <p className="text-muted mb-0">
            {queue.total} to ship · today {queue.today} · refunds up to {formatWon(queue.refundLimitWon)} each
          </p>
        </div>
        <Button variant="outline-secondary" size="sm" onClick={reload} disabled={load === 'loading'} data-testid="studio-orders-reload">
          Reload
        </Button>
      </div>
      <ProblemAlert problem={load === 'failed' ? problem : null} onRetry={reload} testId="studio-orders-problem" />

      {queue.demand.length > 0 && (
        <Card className="mb-4">
          <Card.Header>
            <strong>To roast for every unshipped order</strong>
          </Card.Header>
          <Card.Body className="pb-0">
            <DemandTable demand={queue.demand} testId="demand-total" />
          </Card.Body>
        </Card>
      )}

      <h2 className="h5">Fulfilment queue</h2>
      {queue.days.length === 0 && <p className="text-muted" data-testid="queue-empty">Nothing waits to be shipped.</p>}
      {queue.truncated && <p className="text-warning small">Only the oldest orders are shown; ship some to see the rest.</p>}
      {queue.days.map((day) => {
        const ids = day.orders.map((o) => o.id);
        return (
          <Card className="mb-3" key={day.shipBy} data-testid="queue-day" data-ship-by={day.shipBy}>
            <Card.Header className="d-flex align-items-center gap-2">
              <Form.Check type="checkbox" aria-label={`Select every order to ship by ${day.shipBy}`} checked={ids.every((id) => selected.includes(id))} onChange={() => dispatch(shipDaySelectionToggled({ ids }))} />
              <strong>Ship by {day.shipBy}</strong>
              {day.overdue && <Badge bg="danger">overdue</Badge>}
              <span className="text-muted small ms-auto">{day.orders.length} orders</span>
            </Card.Header>
            <Card.Body>
              <DemandTable demand={day.demand} testId="demand-day" />
              <Table size="sm" hover className="mb-0">
                <tbody>
                  {day.orders.map((o) => (
                    <tr key={o.id} data-testid="queue-order" data-order-id={o.id} data-status={o.status}>
                      <td style={{ width: 32 }}>
                        <Form.Check type="checkbox" aria-label={`Select order ${o.orderId.slice(0, 8)}`} checked={selected.includes(o.id)} onChange={() => dispatch(orderSelectionToggled({ id: o.id }))} data-testid="queue-order-select" />
                      </td>
                      <td className="font-monospace small">{o.orderId.slice(0, 8)}</td>
                      <td>{items(o)}</td>
                      <td>{o.shipTo?.recipient ?? '—'}</td>
                      <td>
                        <Badge bg={o.status === 'PREPARING' ? 'info' : 'secondary'}>{o.status === 'PREPARING' ? 'Preparing' : 'Paid'}</Badge>
                      </td>
                      <td>{o.status === 'PAID' ? <OrderActions order={o} action="prepare" label="Mark prepared" /> : <OrderActions order={o} />}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Card.Body>
          </Card>
        );
      })}

      <BulkShipPanel />

      <h2 className="h5">Shipped — mark delivered</h2>
      {shipped.length === 0 ? (
        <p className="text-muted">No parcels on their way.</p>
      ) : (
        <Table size="sm" className="mb-4">
          <tbody>
            {shipped.map((o) => (
              <tr key={o.id} data-testid="shipped-order" data-order-id={o.id}>
                <td className="font-monospace small">{o.orderId.slice(0, 8)}</td>
                <td>{items(o)}</td>
                <td>
                  {o.carrier} {o.trackingNumber}
                </td>
                <td className="small text-muted">{formatDateTime(o.shippedAt)}</td>
                <td>
                  <OrderActions order={o} action="deliver" label="Mark delivered" />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <h2 className="h5">Returns to confirm</h2>
      {returns.length === 0 ? (
        <p className="text-muted">No return requests.</p>
      ) : (
        <Table size="sm" className="mb-4">
          <tbody>
            {returns.map((o) => (
              <tr key={o.id} data-testid="return-order" data-order-id={o.id}>
                <td className="font-monospace small">{o.orderId.slice(0, 8)}</td>
                <td>{items(o)}</td>
                <td>“{o.returnReason}”</td>
                <td className="small text-muted">{formatDateTime(o.returnRequestedAt)}</td>
                <td>
                  <OrderActions order={o} action="returned" label="Item came back" />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <RefundDialog limitWon={queue.refundLimitWon} />
    </>
  );
}
