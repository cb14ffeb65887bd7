import Alert from 'react-bootstrap/Alert';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Spinner from 'react-bootstrap/Spinner';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { formatDateTime } from '../../../common/utils/format';
import { billingRunDismissed, selectFollowedRun } from '../billingRunsSlice';
import { RUN_COUNTS, RUN_STATUS } from './runLabels';

/** The followed run: status, business date, counters and the outcome, updated while it runs. */
export function RunProgress() {
  const dispatch = useAppDispatch();
  const { phase, run, problem } = useAppSelector(selectFollowedRun);
  if (!run) return null;
  const status = RUN_STATUS[run.status];
  return (
    <Card className="mb-4" data-testid="billing-run-progress" data-run-id={run.id} data-status={run.status} aria-live="polite">
      <Card.Body>
        <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
          <div className="d-flex align-items-center gap-2">
            <Badge bg={status.bg} data-testid="billing-run-status">
              {status.label}
            </Badge>
            {phase === 'following' ? <Spinner animation="border" size="sm" role="status" aria-label="진행 상황을 확인하는 중" /> : null}
            <span className="text-muted small">
              {run.businessDate ? `영업일 ${run.businessDate}까지` : run.status === 'REQUESTED' ? '청구 엔진이 실행을 받기를 기다리는 중' : ''}
            </span>
          </div>
          {phase !== 'following' ? null : (
            <Button variant="link" size="sm" onClick={() => dispatch(billingRunDismissed())} data-testid="billing-run-dismiss">
              그만 보기
            </Button>
          )}
        </div>
        <dl className="row row-cols-3 row-cols-md-6 g-2 mb-2" data-testid="billing-run-counts">
          {RUN_COUNTS.map((c) => (
            <div key={c.key} className="col" title={c.hint}>
              <dt className="small text-muted fw-normal">{c.label}</dt>
              <dd className="h5 mb-0" data-testid={`billing-run-count-${c.key}`}>
                {run.counts[c.key].toLocaleString('ko-KR')}
              </dd>
            </div>
          ))}
        </dl>
        <p className="small text-muted mb-0">
          {run.startedAt ? `시작 ${formatDateTime(run.startedAt)}` : `요청 ${formatDateTime(run.requestedAt)}`}
          {run.finishedAt ? ` · 종료 ${formatDateTime(run.finishedAt)}` : ''}
        </p>
        {run.error ? (
          <Alert variant="danger" className="mt-3 mb-0" data-testid="billing-run-error">
            {run.error}
          </Alert>
        ) : null}
        {phase === 'lost' ? (
          <Alert variant="warning" className="mt-3 mb-0" data-testid="billing-run-lost">
            진행 상황을 불러오지 못했습니다{problem ? ` (${problem.message})` : ''}. 실행은 계속될 수 있으니 목록을 새로 고쳐 확인하세요.
          </Alert>
        ) : null}
      </Card.Body>
    </Card>
  );
}
