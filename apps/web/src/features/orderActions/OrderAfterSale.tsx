import type { FulfilmentStatus, OrderDto, OrderState } from '@roastery/contracts';
import { useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Form from 'react-bootstrap/Form';
import Table from 'react-bootstrap/Table';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { formatDateTime, formatWon } from '../../common/utils/format';
import { cancelSubmitted, confirmSubmitted, orderActionDismissed, returnSubmitted, selectOrderActions } from './orderActionsSlice';

const STATE_LABEL: Record<OrderState, string> = {
  PAID: '결제 완료',
  PREPARING: '상품 준비 중',
  SHIPPED: '배송 중',
  DELIVERED: '배송 완료',
  RETURN_REQUESTED: '반품 요청됨',
  RETURNED: '반품 완료',
  CANCELLED: '주문 취소',
  PURCHASE_CONFIRMED: '구매 확정',
};
const FULFILMENT_LABEL: Record<FulfilmentStatus, string> = {
  PAID: '결제 완료',
  PREPARING: '준비 중',
  SHIPPED: '배송 중',
  DELIVERED: '배송 완료',
  CANCELLED: '취소',
  RETURN_REQUESTED: '반품 요청',
  RETURNED: '반품 완료',
};
const REFUND_STATUS = { QUEUED: ['대기', 'secondary'], PENDING: ['처리 중', 'info'], COMPLETED: ['환불 완료', 'success'], REFUSED: ['거절', 'danger'] } as const;
const REQUEST_STATUS = { OPEN: '처리 중', CANCELLED: '취소됨', REFUSED: '거절됨', RETURNED: '반품 완료' } as const;
const DONE_TEXT = { cancel: '취소를 요청했습니다. 로스터가 확인하면 결과를 알려 드립니다.', return: '반품을 요청했습니다.', confirm: '구매를 확정했습니다.' } as const;

/** My page → order detail, after payment: tracking, cancel / return / confirm, and refunds (issue 6). */
export function OrderAfterSale({ order }: { order: OrderDto }) {
  const a = order.afterSale;
  if (!a) return null;
  const lineName = new Map(order.lines.map((l) => [l.id, `${l.productName} · ${l.optionLabel}`]));
  return (
    <section className="mb-4" data-testid="order-after-sale" data-state={a.state}>
      <h2 className="h5">
        주문 상태 <Badge bg={a.state === 'CANCELLED' ? 'secondary' : 'primary'}>{STATE_LABEL[a.state]}</Badge>
      </h2>
      <Card className="mb-3">
        <Card.Header as="h3" className="h6 mb-0">
          배송
        </Card.Header>
        <Table className="mb-0 align-middle" data-testid="order-tracking">
          <tbody>
            {a.fulfilment.parts.map((p) => (
              <tr key={p.partnerId} data-testid="fulfilment-part" data-status={p.status}>
                <td>{FULFILMENT_LABEL[p.status]}</td>
                <td data-testid="tracking">{p.carrier && p.trackingNumber ? `${p.carrier} ${p.trackingNumber}` : '송장 번호가 아직 없습니다'}</td>
                <td className="text-end small text-muted">{p.deliveredAt ? `배송 완료 ${formatDateTime(p.deliveredAt)}` : p.shippedAt ? `발송 ${formatDateTime(p.shippedAt)}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      {a.cancellation ? (
        <p data-testid="cancellation" data-status={a.cancellation.status}>
          취소 요청: {REQUEST_STATUS[a.cancellation.status]}
          {a.cancellation.status === 'REFUSED' ? ' — 이미 발송되어 취소할 수 없습니다. 받은 뒤 반품을 요청해 주세요.' : ''}
        </p>
      ) : null}
      {a.returnRequest ? (
        <p data-testid="return-request" data-status={a.returnRequest.status}>
          반품 요청: {REQUEST_STATUS[a.returnRequest.status]}
        </p>
      ) : null}
      {a.confirmedAt ? <p data-testid="confirmed">구매 확정 {formatDateTime(a.confirmedAt)}{a.confirmedAutomatically ? ' (자동)' : ''}</p> : null}
      {a.autoConfirmAt && !a.confirmedAt ? <p className="small text-muted">{formatDateTime(a.autoConfirmAt)}에 구매가 자동으로 확정됩니다.</p> : null}
      <OrderActionButtons order={order} />
      <h3 className="h6 mt-3">환불</h3>
      {a.refunds.length === 0 ? (
        <p className="text-muted" data-testid="no-refunds">
          환불 내역이 없습니다.
        </p>
      ) : (
        <Table size="sm" className="align-middle" data-testid="refunds">
          <thead>
            <tr>
              <th scope="col">시각</th>
              <th scope="col">사유</th>
              <th scope="col" className="text-end">
                금액
              </th>
              <th scope="col">상태</th>
            </tr>
          </thead>
          <tbody>
            {a.refunds.map((r) => (
              <tr key={r.id} data-testid="refund" data-status={r.status}>
                <td>{formatDateTime(r.completedAt ?? r.requestedAt)}</td>
                <td>{r.reason}</td>
                <td className="text-end">{r.amountWon === null ? '남은 금액 전부' : formatWon(r.amountWon)}</td>
                <td>
                  <Badge bg={REFUND_STATUS[r.status][1]}>{REFUND_STATUS[r.status][0]}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <dl className="row small" data-testid="refund-totals">
        {a.lineRefunds
          .filter((l) => l.refundedWon > 0)
          .map((l) => (
            <div key={l.lineId} className="d-contents">
              <dt className="col-sm-3">{lineName.get(l.lineId) ?? '상품'} 환불</dt>
              <dd className="col-sm-9">{formatWon(l.refundedWon)}</dd>
            </div>
          ))}
        {a.shippingRefundedWon > 0 ? (
          <>
            <dt className="col-sm-3">배송비 환불</dt>
            <dd className="col-sm-9">{formatWon(a.shippingRefundedWon)}</dd>
          </>
        ) : null}
        <dt className="col-sm-3">환불된 금액</dt>
        <dd className="col-sm-9" data-testid="refunded-total">
          {formatWon(a.refundedWon)}
        </dd>
      </dl>
    </section>
  );
}

function OrderActionButtons({ order }: { order: OrderDto }) {
  const dispatch = useAppDispatch();
  const { pending, done, problem } = useAppSelector(selectOrderActions);
  const [form, setForm] = useState<'cancel' | 'return' | null>(null);
  const [reason, setReason] = useState('');
  const actions = order.afterSale?.actions;
  if (!actions) return null;
  const busy = pending?.orderId === order.id;
  const submit = () => {
    const text = reason.trim();
    if (!text || !form) return;
    dispatch(form === 'cancel' ? cancelSubmitted({ orderId: order.id, reason: text }) : returnSubmitted({ orderId: order.id, reason: text }));
    setForm(null);
    setReason('');
  };
  return (
    <div data-testid="order-actions">
      {done?.orderId === order.id ? (
        <Alert variant="success" dismissible onClose={() => dispatch(orderActionDismissed())} data-testid="order-action-done">
          {DONE_TEXT[done.kind]}
        </Alert>
      ) : null}
      <ProblemAlert problem={problem} messages={{ INVALID_STATE: '지금은 이 작업을 할 수 없습니다. 새로고침해 주문 상태를 확인해 주세요.' }} />
      <div className="d-flex gap-2 flex-wrap">
        {actions.canCancel ? (
          <Button variant="outline-danger" size="sm" disabled={busy} onClick={() => setForm('cancel')} data-testid="order-cancel">
            주문 취소
          </Button>
        ) : null}
        {actions.canReturn ? (
          <Button variant="outline-secondary" size="sm" disabled={busy} onClick={() => setForm('return')} data-testid="order-return">
            반품 요청
          </Button>
        ) : null}
        {actions.canConfirm ? (
          <Button variant="primary" size="sm" disabled={busy} onClick={() => dispatch(confirmSubmitted({ orderId: order.id }))} data-testid="order-confirm">
            구매 확정
          </Button>
        ) : null}
      </div>
      {form ? (
        <Form
          className="mt-2"
          data-testid="order-action-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Form.Group controlId="order-action-reason">
            <Form.Label>{form === 'cancel' ? '취소 사유' : '반품 사유'}</Form.Label>
            <Form.Control as="textarea" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} required />
          </Form.Group>
          <div className="d-flex gap-2 mt-2">
            <Button type="submit" size="sm" variant={form === 'cancel' ? 'danger' : 'secondary'} disabled={!reason.trim() || busy} data-testid="order-action-submit">
              {form === 'cancel' ? '취소 요청' : '반품 요청'}
            </Button>
            <Button size="sm" variant="link" onClick={() => setForm(null)}>
              닫기
            </Button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
