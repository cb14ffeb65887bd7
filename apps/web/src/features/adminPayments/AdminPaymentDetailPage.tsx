import { useEffect, useState } from 'react';
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
import { paymentViewed, selectPaymentDetail, selectRefundableWon } from './adminPaymentsSlice';
import { PAYMENT_STATUS, REFUND_STATUS, REQUESTER_ROLE, shortId } from './components/paymentLabels';
import { RefundDialog } from './components/RefundDialog';

/** /backoffice/payments/:orderId: one payment with its lines, partner parts, ledger rows and refunds; refund from here. */
export function AdminPaymentDetailPage() {
  usePageTitle('결제 상세');
  const { orderId = '' } = useParams();
  const dispatch = useAppDispatch();
  const { load, problem, payment } = useAppSelector(selectPaymentDetail);
  const refundable = useAppSelector(selectRefundableWon);
  const [refunding, setRefunding] = useState(false);

  useEffect(() => {
    dispatch(paymentViewed(orderId));
  }, [dispatch, orderId]);

  const shown = payment?.orderId === orderId ? payment : null;
  return (
    <>
      <p className="mt-3 mb-0 small">
        <Link to="/backoffice/payments">← 결제 내역</Link>
      </p>
      {load === 'failed' ? <ProblemAlert problem={problem} messages={{ NOT_FOUND: '이 결제를 찾을 수 없습니다.' }} onRetry={() => dispatch(paymentViewed(orderId))} /> : null}
      {!shown && load === 'loading' ? <PageSpinner label="결제를 불러오는 중…" /> : null}
      {shown ? (
        <>
          <div className="d-flex flex-wrap justify-content-between align-items-end gap-3 my-3">
            <div>
              <h1 className="h3 mb-1">
                결제 {shortId(shown.orderId)}{' '}
                <Badge bg={PAYMENT_STATUS[shown.status].bg} data-testid="payment-status">
                  {PAYMENT_STATUS[shown.status].label}
                </Badge>
              </h1>
              <p className="text-muted mb-0 small">
                주문 {shown.orderId} · 구독자 {shown.userId} · {formatDateTime(shown.paidAt)}
                {shown.paymentKey ? ` · paymentKey ${shown.paymentKey}` : ''}
              </p>
            </div>
            <Button variant="danger" onClick={() => setRefunding(true)} disabled={refundable === 0} data-testid="refund-open">
              환불
            </Button>
          </div>
          <Card className="mb-3">
            <Card.Body className="d-flex flex-wrap gap-4">
              <div>
                결제액 <strong data-testid="payment-total">{formatWon(shown.totalWon)}</strong>
              </div>
              <div>
                환불액 <strong>{formatWon(shown.refundedWon)}</strong>
              </div>
              <div>
                잔액 <strong data-testid="payment-balance">{formatWon(shown.balanceWon)}</strong>
              </div>
              {shown.pendingWon > 0 ? <div className="text-muted">처리 중인 환불 요청 {formatWon(shown.pendingWon)}</div> : null}
            </Card.Body>
          </Card>

          <h2 className="h5">주문 품목</h2>
          <Table size="sm" responsive>
            <thead>
              <tr>
                <th scope="col">상품</th>
                <th scope="col">파트너</th>
                <th scope="col" className="text-end">수량</th>
                <th scope="col" className="text-end">단가</th>
              </tr>
            </thead>
            <tbody>
              {shown.lines.map((l, i) => (
                <tr key={l.lineId ?? i}>
                  <td>
                    {l.productName ?? '—'} {l.optionLabel ? <span className="text-muted">({l.optionLabel})</span> : null}
                  </td>
                  <td title={l.partnerId}>{shortId(l.partnerId)}</td>
                  <td className="text-end">{l.quantity}</td>
                  <td className="text-end">{formatWon(l.unitPriceWon)}</td>
                </tr>
              ))}
            </tbody>
          </Table>

          {shown.fulfilment.length > 0 ? (
            <>
              <h2 className="h5">배송</h2>
              <Table size="sm" responsive data-testid="payment-fulfilment">
                <tbody>
                  {shown.fulfilment.map((f) => (
                    <tr key={f.partnerOrderId}>
                      <td title={f.partnerId}>파트너 {shortId(f.partnerId)}</td>
                      <td>{f.status}</td>
                      <td>{f.carrier ? `${f.carrier} ${f.trackingNumber ?? ''}` : '—'}</td>
                      <td>{formatDateTime(f.changedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          ) : null}

          <h2 className="h5">원장</h2>
          <Table size="sm" responsive data-testid="payment-ledger">
            <thead>
              <tr>
                <th scope="col">일시</th>
                <th scope="col">구분</th>
                <th scope="col" className="text-end">금액</th>
                <th scope="col" className="text-end">잔액</th>
              </tr>
            </thead>
            <tbody>
              {shown.ledger.map((r) => (
                <tr key={r.refundId ?? 'charge'} data-testid="ledger-row" data-kind={r.kind}>
                  <td>{formatDateTime(r.at)}</td>
                  <td>{r.kind === 'CHARGE' ? '결제' : '환불'}</td>
                  <td className="text-end">{formatWon(r.amountWon)}</td>
                  <td className="text-end">{formatWon(r.balanceWon)}</td>
                </tr>
              ))}
            </tbody>
          </Table>

          <h2 className="h5">환불</h2>
          {shown.refunds.length === 0 ? (
            <p className="text-muted" data-testid="payment-no-refunds">
              환불 내역이 없습니다.
            </p>
          ) : (
            <Table size="sm" responsive data-testid="payment-refunds">
              <thead>
                <tr>
                  <th scope="col">요청</th>
                  <th scope="col">상태</th>
                  <th scope="col" className="text-end">금액</th>
                  <th scope="col">사유</th>
                  <th scope="col">요청자</th>
                </tr>
              </thead>
              <tbody>
                {shown.refunds.map((r) => (
                  <tr key={r.refundId} data-testid="refund-row" data-status={r.status}>
                    <td>{formatDateTime(r.requestedAt ?? r.completedAt ?? r.refusedAt)}</td>
                    <td>
                      <Badge bg={REFUND_STATUS[r.status].bg}>{REFUND_STATUS[r.status].label}</Badge>
                      {r.refusal ? <div className="small text-danger">{r.refusal.message}</div> : null}
                    </td>
                    <td className="text-end">{r.amountWon === null ? '—' : formatWon(r.amountWon)}</td>
                    <td>{r.reason ?? '—'}</td>
                    <td>{r.requestedBy ? REQUESTER_ROLE[r.requestedBy.role] : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {refunding ? <RefundDialog orderId={shown.orderId} show onHide={() => setRefunding(false)} /> : null}
        </>
      ) : null}
    </>
  );
}
