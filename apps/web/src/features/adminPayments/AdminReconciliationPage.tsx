import { type FormEvent, useEffect, useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Table from 'react-bootstrap/Table';
import { Link, useSearchParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { formatDateTime, formatWon } from '../../common/utils/format';
import type { SideTotals } from '@roastery/contracts';
import { reconciliationRequested, selectReconciliation } from './adminPaymentsSlice';
import { MISMATCH_KIND, seoulToday, shortId } from './components/paymentLabels';

const won = (n: number | null) => (n === null ? '—' : formatWon(n));

/** /backoffice/payments/reconciliation?date=: our payments against Toss's transactions of a Seoul day. */
export function AdminReconciliationPage() {
  usePageTitle('토스 대사');
  const dispatch = useAppDispatch();
  const [params, setParams] = useSearchParams();
  const date = params.get('date');
  const [picked, setPicked] = useState(date ?? seoulToday());
  const { load, problem, report } = useAppSelector(selectReconciliation);

  useEffect(() => {
    if (date) dispatch(reconciliationRequested(date));
  }, [dispatch, date]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picked === date) dispatch(reconciliationRequested(picked));
    else setParams({ date: picked });
  };
  const shown = report && report.from === date ? report : null;
  const rows: [string, (t: SideTotals) => string][] = [
    ['결제 건수', (t) => String(t.charges)],
    ['결제액', (t) => formatWon(t.chargedWon)],
    ['환불 건수', (t) => String(t.refunds)],
    ['환불액', (t) => formatWon(t.refundedWon)],
    ['순액', (t) => formatWon(t.netWon)],
  ];

  return (
    <>
      <p className="mt-3 mb-0 small">
        <Link to="/backoffice/payments">← 결제 내역</Link>
      </p>
      <div className="my-3">
        <h1 className="h3 mb-1">토스 대사 보고서</h1>
        <p className="text-muted mb-0">하루(한국 시간) 동안의 토스 거래 내역과 우리 결제 기록을 비교해 어긋난 건을 모두 보여 줍니다.</p>
      </div>
      <Form onSubmit={submit} className="d-flex gap-2 align-items-end mb-3" data-testid="reconciliation-form">
        <Form.Group controlId="reconciliation-date">
          <Form.Label className="small">날짜</Form.Label>
          <Form.Control type="date" size="sm" value={picked} onChange={(e) => setPicked(e.target.value)} required />
        </Form.Group>
        <Button type="submit" size="sm" disabled={load === 'loading' || !picked} data-testid="reconciliation-run">
          {load === 'loading' ? '비교 중…' : '대사 실행'}
        </Button>
      </Form>
      {load === 'failed' ? <ProblemAlert problem={problem} onRetry={() => date && dispatch(reconciliationRequested(date))} /> : null}
      {load === 'loading' && !shown ? <PageSpinner label="토스 거래 내역을 읽는 중… (최대 1분)" /> : null}
      {shown ? (
        <div data-testid="reconciliation-report">
          <p className="small text-muted">
            {shown.from} · 토스 {shown.toss.baseUrl} ({shown.toss.mode}) · 거래 {shown.toss.transactions}건, {shown.toss.pages}페이지 · 작성 {formatDateTime(shown.generatedAt)}
          </p>
          <Table size="sm" className="w-auto" data-testid="reconciliation-totals">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col" className="text-end">우리 기록</th>
                <th scope="col" className="text-end">토스</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, f]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className="text-end">{f(shown.totals.ours)}</td>
                  <td className="text-end">{f(shown.totals.toss)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          {shown.mismatches.length === 0 ? (
            <Alert variant="success" data-testid="reconciliation-clean">
              불일치가 없습니다. 일치한 결제 {shown.matchedCharges}건.
            </Alert>
          ) : (
            <>
              <h2 className="h5">
                불일치 <span data-testid="reconciliation-mismatch-count">{shown.mismatches.length}</span>건
              </h2>
              <Table size="sm" responsive data-testid="reconciliation-mismatches">
                <thead>
                  <tr>
                    <th scope="col">구분</th>
                    <th scope="col">주문</th>
                    <th scope="col">토스 orderId / paymentKey</th>
                    <th scope="col" className="text-end">우리 금액</th>
                    <th scope="col" className="text-end">토스 금액</th>
                    <th scope="col">설명</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.mismatches.map((m, i) => (
                    <tr key={`${m.kind}-${m.paymentKey ?? m.orderId ?? i}`} data-testid="mismatch-row" data-kind={m.kind}>
                      <td>{MISMATCH_KIND[m.kind]}</td>
                      <td>{m.orderId ? <Link to={`/backoffice/payments/${m.orderId}`} title={m.orderId}>{shortId(m.orderId)}</Link> : '—'}</td>
                      <td className="small">
                        {m.tossOrderId ?? '—'}
                        <div className="text-muted">{m.paymentKey ?? ''}</div>
                      </td>
                      <td className="text-end">{won(m.ourAmountWon)}</td>
                      <td className="text-end">{won(m.tossAmountWon)}</td>
                      <td className="small">
                        {m.detail}
                        {m.refundIds.length > 0 ? <div className="text-muted">환불 {m.refundIds.map(shortId).join(', ')}</div> : null}
                        {m.transactionKeys.length > 0 ? <div className="text-muted">거래 {m.transactionKeys.join(', ')}</div> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          )}
        </div>
      ) : null}
    </>
  );
}
