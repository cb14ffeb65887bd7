import { useEffect } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Table from 'react-bootstrap/Table';
import { useSearchParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { Pager } from '../../common/ui/Pager';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { newIdempotencyKey } from '../../common/utils/idempotencyKey';
import { formatDateTime } from '../../common/utils/format';
import {
  billingRunsPageLeft,
  billingRunStartClicked,
  billingRunsViewed,
  selectBillingRunList,
  selectBillingRunPageCount,
  selectCanStartRun,
  selectFollowedRun,
} from './billingRunsSlice';
import { RunProgress } from './components/RunProgress';
import { RUN_STATUS } from './components/runLabels';

const PAGE_SIZE = 20;

/**
 * /backoffice/billing: start the billing engine now (with the test clock, "months later" in
 * minutes), follow the run to its end, and see recent runs.
 */
export function BillingRunsPage() {
  usePageTitle('청구 실행');
  const dispatch = useAppDispatch();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { load, loadProblem, items, total } = useAppSelector(selectBillingRunList);
  const pageCount = useAppSelector(selectBillingRunPageCount);
  const followed = useAppSelector(selectFollowedRun);
  const canStart = useAppSelector(selectCanStartRun);
  const reload = () => dispatch(billingRunsViewed({ page, size: PAGE_SIZE }));

  useEffect(() => {
    dispatch(billingRunsViewed({ page, size: PAGE_SIZE }));
  }, [dispatch, page]);
  useEffect(() => () => void dispatch(billingRunsPageLeft()), [dispatch]);

  // A start whose outcome is unknown is retried under the same key, so it cannot start two runs.
  const start = () => dispatch(billingRunStartClicked({ idempotencyKey: followed.retryKey ?? newIdempotencyKey() }));

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-end gap-3 my-4">
        <div>
          <h1 className="h3 mb-1">청구 실행</h1>
          <p className="text-muted mb-0">오늘까지 도래한 정기구독 주기를 지금 청구합니다. 테스트 시계를 옮긴 뒤 실행하면 그날까지 청구됩니다.</p>
        </div>
        <div className="d-flex gap-2">
          <Button variant="outline-secondary" size="sm" onClick={reload} disabled={load === 'loading'} data-testid="billing-runs-reload">
            새로 고침
          </Button>
          <Button onClick={start} disabled={!canStart} data-testid="billing-run-start">
            {followed.phase === 'starting' ? '요청 중…' : '지금 청구 실행'}
          </Button>
        </div>
      </div>
      <ProblemAlert problem={followed.problem && followed.phase !== 'lost' ? followed.problem : null} testId="billing-run-start-problem" />
      <RunProgress />
      <h2 className="h5">최근 실행</h2>
      {load === 'failed' ? <ProblemAlert problem={loadProblem} onRetry={reload} /> : null}
      {load === 'loading' && items.length === 0 ? <PageSpinner label="실행 목록을 불러오는 중…" /> : null}
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted py-4 text-center" data-testid="billing-runs-empty">
          아직 실행한 적이 없습니다.
        </p>
      ) : null}
      {items.length > 0 ? (
        <Table responsive className="align-middle" aria-busy={load === 'loading'} data-testid="billing-runs-table">
          <thead>
            <tr>
              <th scope="col">요청 / 시작</th>
              <th scope="col">상태</th>
              <th scope="col">영업일</th>
              <th scope="col" className="text-end">청구 대상</th>
              <th scope="col" className="text-end">결제 완료</th>
              <th scope="col" className="text-end">거절</th>
              <th scope="col" className="text-end">재고 부족</th>
              <th scope="col" className="text-end">대기</th>
              <th scope="col">종료</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} data-testid="billing-run-row" data-run-id={r.id} data-status={r.status}>
                <td>{formatDateTime(r.requestedAt ?? r.startedAt)}{r.requestedBy ? null : <div className="small text-muted">예약 실행</div>}</td>
                <td>
                  <Badge bg={RUN_STATUS[r.status].bg}>{RUN_STATUS[r.status].label}</Badge>
                  {r.error ? <div className="small text-danger">{r.error}</div> : null}
                </td>
                <td>{r.businessDate ?? '—'}</td>
                <td className="text-end">{r.counts.claimed.toLocaleString('ko-KR')}</td>
                <td className="text-end">{r.counts.charged.toLocaleString('ko-KR')}</td>
                <td className="text-end">{r.counts.declined.toLocaleString('ko-KR')}</td>
                <td className="text-end">{r.counts.skippedForStock.toLocaleString('ko-KR')}</td>
                <td className="text-end">{r.counts.pending.toLocaleString('ko-KR')}</td>
                <td>{formatDateTime(r.finishedAt) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <p className="text-muted small" aria-live="polite">
        {load === 'loaded' ? `모두 ${total}건` : '\u00a0'}
      </p>
      <Pager page={page} pageCount={pageCount} onPage={(p) => setParams({ page: String(p) })} />
    </>
  );
}
