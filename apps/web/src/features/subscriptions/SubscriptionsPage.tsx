import type { SubscriptionDto } from '@roastery/contracts';
import { useEffect } from 'react';
import Badge from 'react-bootstrap/Badge';
import Card from 'react-bootstrap/Card';
import { Link } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { Pager } from '../../common/ui/Pager';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { formatWon } from '../../common/utils/format';
import { formatSeoulDate } from '../orders/orderLabels';
import { intervalLabel, openBoxStatus, SUBSCRIPTION_STATUS } from './subscriptionLabels';
import { selectSubscriptionList, selectSubscriptionPageCount, subscriptionsPageOpened } from './subscriptionsSlice';

/** A subscription's status badge. */
export function SubscriptionStatusBadge({ status }: { status: SubscriptionDto['status'] }) {
  return (
    <Badge bg={SUBSCRIPTION_STATUS[status].bg} data-testid="subscription-status" data-status={status}>
      {SUBSCRIPTION_STATUS[status].label}
    </Badge>
  );
}

/** /me/subscriptions (정기배송): every subscription with its next date and what the next box costs. */
export function SubscriptionsPage() {
  usePageTitle('정기배송 · Subscriptions');
  const dispatch = useAppDispatch();
  const { load, problem, items, page } = useAppSelector(selectSubscriptionList);
  const pageCount = useAppSelector(selectSubscriptionPageCount);

  useEffect(() => {
    dispatch(subscriptionsPageOpened());
  }, [dispatch]);

  return (
    <>
      <nav aria-label="breadcrumb" className="mt-3 small">
        <Link to="/me">My page</Link> / 정기배송
      </nav>
      <h1 className="h3 mt-2 mb-4">정기배송 · Subscriptions</h1>
      {load === 'loading' && items.length === 0 ? <PageSpinner label="Loading your subscriptions…" /> : null}
      {load === 'failed' ? <ProblemAlert problem={problem} onRetry={() => dispatch(subscriptionsPageOpened({ page }))} /> : null}
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted" data-testid="no-subscriptions">
          아직 정기배송이 없습니다. <Link to="/">원두를 둘러보고</Link> 원두 페이지에서 신청하세요.
        </p>
      ) : null}
      <ul className="list-unstyled d-grid gap-3" data-testid="subscription-list">
        {items.map((s) => (
          <li key={s.id}>
            <SubscriptionCard subscription={s} />
          </li>
        ))}
      </ul>
      <Pager page={page} pageCount={pageCount} onPage={(p) => dispatch(subscriptionsPageOpened({ page: p }))} testIdPrefix="subscriptions-page" />
    </>
  );
}

function SubscriptionCard({ subscription: s }: { subscription: SubscriptionDto }) {
  const open = s.openOrder ? openBoxStatus(s.openOrder) : null;
  return (
    <Card data-testid="subscription-card" data-id={s.id} data-status={s.status}>
      <Card.Body>
        <div className="d-flex flex-wrap justify-content-between gap-2">
          <h2 className="h6 mb-1">
            <Link to={`/me/subscriptions/${s.id}`} data-testid="subscription-link">
              {s.itemName}
            </Link>{' '}
            <span className="text-muted fw-normal">
              · {s.optionLabel} × {s.quantity} · {intervalLabel(s.intervalWeeks)}
            </span>
          </h2>
          <SubscriptionStatusBadge status={s.status} />
        </div>
        <p className="mb-0 small" data-testid="subscription-next">
          {s.nextBillingDate ? (
            <>
              다음 결제 {formatSeoulDate(s.nextBillingDate)}
              {s.preview ? ` · ${formatWon(s.preview.totalWon)}` : ''}
            </>
          ) : s.status === 'PAUSED' ? (
            '일시정지 중 — 다시 시작하면 결제일이 정해집니다.'
          ) : (
            '예정된 결제가 없습니다.'
          )}
        </p>
        {open ? (
          <p className={`mb-0 small text-${open.variant === 'info' ? 'muted' : 'danger'}`} data-testid="subscription-open-box">
            {open.text}
          </p>
        ) : null}
      </Card.Body>
    </Card>
  );
}
