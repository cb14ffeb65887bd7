import { type FormEvent, useEffect, useState } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Table from 'react-bootstrap/Table';
import { Link, useSearchParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { Pager } from '../../common/ui/Pager';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { formatDateTime, formatWon } from '../../common/utils/format';
import { emptyFilters, type PaymentFilters } from './adminPaymentsApi';
import type { PaymentStatusDto } from '@roastery/contracts';
import { paymentsSearched, selectPaymentList, selectPaymentPageCount } from './adminPaymentsSlice';
import { PAYMENT_STATUS, shortId } from './components/paymentLabels';

const PAGE_SIZE = 20;
const FIELDS = Object.keys(emptyFilters) as (keyof PaymentFilters)[];

function filtersOf(params: URLSearchParams): PaymentFilters {
  const f = { ...emptyFilters };
  for (const k of FIELDS) (f as Record<string, string>)[k] = params.get(k) ?? '';
  return f;
}

/**
 * /backoffice/payments: payment history across the platform, searched by subscriber, partner,
 * order, status and Seoul dates; the URL keeps the search so it can be shared and reloaded.
 */
export function AdminPaymentsPage() {
  usePageTitle('결제 내역');
  const dispatch = useAppDispatch();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const applied = filtersOf(params);
  const appliedKey = params.toString();
  const [form, setForm] = useState<PaymentFilters>(applied);
  const { load, problem, items, total } = useAppSelector(selectPaymentList);
  const pageCount = useAppSelector(selectPaymentPageCount);

  useEffect(() => {
    dispatch(paymentsSearched({ ...filtersOf(new URLSearchParams(appliedKey)), page, size: PAGE_SIZE }));
  }, [dispatch, appliedKey, page]);

  const apply = (filters: PaymentFilters, p = 1) => {
    const next: Record<string, string> = {};
    for (const k of FIELDS) if (filters[k].trim()) next[k] = filters[k].trim();
    if (p > 1) next['page'] = String(p);
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(form);
  };
  const reset = () => {
    setForm(emptyFilters);
    apply(emptyFilters);
  };
  const set = (k: keyof PaymentFilters) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-end gap-3 my-4">
        <div>
          <h1 className="h3 mb-1">결제 내역</h1>
          <p className="text-muted mb-0">플랫폼의 모든 결제와 환불. 날짜는 한국 시간 기준입니다.</p>
        </div>
        <Link to="/backoffice/payments/reconciliation" className="btn btn-outline-primary btn-sm" data-testid="payments-reconciliation-link">
          토스 대사 보고서
        </Link>
      </div>
      <Form onSubmit={submit} className="mb-3" aria-label="결제 검색" data-testid="payments-search">
        <Row className="g-2">
          <Col md={4}>
            <Form.Group controlId="payments-subscriber">
              <Form.Label className="small">구독자 ID</Form.Label>
              <Form.Control size="sm" value={form.subscriber} onChange={set('subscriber')} placeholder="uuid" />
            </Form.Group>
          </Col>
          <Col md={4}>
            <Form.Group controlId="payments-partner">
              <Form.Label className="small">파트너 ID</Form.Label>
              <Form.Control size="sm" value={form.partnerId} onChange={set('partnerId')} placeholder="uuid" />
            </Form.Group>
          </Col>
          <Col md={4}>
            <Form.Group controlId="payments-order">
              <Form.Label className="small">주문 ID</Form.Label>
              <Form.Control size="sm" value={form.orderId} onChange={set('orderId')} placeholder="uuid" />
            </Form.Group>
          </Col>
          <Col md={4}>
            <Form.Group controlId="payments-status">
              <Form.Label className="small">상태</Form.Label>
              <Form.Select size="sm" value={form.status} onChange={set('status')}>
                <option value="">전체</option>
                {(Object.keys(PAYMENT_STATUS) as PaymentStatusDto[]).map((s) => (
                  <option key={s} value={s}>
                    {PAYMENT_STATUS[s].label}
                  </option>
                ))}
              </Form.Select>
            </Form.Group>
          </Col>
          <Col md={3}>
            <Form.Group controlId="payments-from">
              <Form.Label className="small">결제일부터</Form.Label>
              <Form.Control size="sm" type="date" value={form.from} onChange={set('from')} />
            </Form.Group>
          </Col>
          <Col md={3}>
            <Form.Group controlId="payments-to">
              <Form.Label className="small">결제일까지</Form.Label>
              <Form.Control size="sm" type="date" value={form.to} onChange={set('to')} />
            </Form.Group>
          </Col>
          <Col md={2} className="d-flex align-items-end gap-2">
            <Button type="submit" size="sm" data-testid="payments-search-submit">
              검색
            </Button>
            <Button variant="outline-secondary" size="sm" onClick={reset}>
              초기화
            </Button>
          </Col>
        </Row>
      </Form>
      {load === 'failed' ? <ProblemAlert problem={problem} onRetry={() => apply(applied, page)} /> : null}
      {load === 'loading' && items.length === 0 ? <PageSpinner label="결제 내역을 불러오는 중…" /> : null}
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted py-4 text-center" data-testid="payments-empty">
          조건에 맞는 결제가 없습니다.
        </p>
      ) : null}
      {items.length > 0 ? (
        <Table responsive className="align-middle" aria-busy={load === 'loading'} data-testid="payments-table">
          <thead>
            <tr>
              <th scope="col">결제일시</th>
              <th scope="col">주문</th>
              <th scope="col">구독자</th>
              <th scope="col">상태</th>
              <th scope="col" className="text-end">결제액</th>
              <th scope="col" className="text-end">환불액</th>
              <th scope="col" className="text-end">잔액</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.orderId} data-testid="payment-row" data-order-id={p.orderId} data-status={p.status}>
                <td>{formatDateTime(p.paidAt)}</td>
                <td>
                  <Link to={`/backoffice/payments/${p.orderId}`} title={p.orderId}>
                    {shortId(p.orderId)}
                  </Link>
                  {p.subscriptionId ? <div className="small text-muted">정기배송</div> : null}
                </td>
                <td title={p.userId}>{shortId(p.userId)}</td>
                <td>
                  <Badge bg={PAYMENT_STATUS[p.status].bg}>{PAYMENT_STATUS[p.status].label}</Badge>
                </td>
                <td className="text-end">{formatWon(p.totalWon)}</td>
                <td className="text-end">{p.refundedWon ? formatWon(p.refundedWon) : '—'}</td>
                <td className="text-end">{formatWon(p.balanceWon)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <p className="text-muted small" aria-live="polite">
        {load === 'loaded' ? `모두 ${total}건` : '\u00a0'}
      </p>
      <Pager page={page} pageCount={pageCount} onPage={(p) => apply(applied, p)} />
    </>
  );
}
