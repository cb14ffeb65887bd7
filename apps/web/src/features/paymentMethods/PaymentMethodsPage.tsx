import type { PaymentMethodDto } from '@roastery/contracts';
import { useEffect, useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import { Link, useLocation } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { ConfirmModal } from '../../common/ui/ConfirmModal';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import type { FromCallbackState } from './PaymentMethodCallbackPage';
import {
  cardDeleteConfirmed,
  cardRegistrationClicked,
  defaultCardChosen,
  paymentMethodsPageOpened,
  registrationNoticeDismissed,
  selectCardActionProblem,
  selectCardBusyId,
  selectCards,
  selectCardsLoad,
  selectCardsLoadProblem,
  selectRegistration,
} from './paymentMethodsSlice';

/** /me/payment-methods (결제 수단): saved cards; register one, choose the default, delete. */
export function PaymentMethodsPage() {
  usePageTitle('결제 수단 · Payment methods');
  const dispatch = useAppDispatch();
  const location = useLocation();
  const load = useAppSelector(selectCardsLoad);
  const loadProblem = useAppSelector(selectCardsLoadProblem);
  const cards = useAppSelector(selectCards);
  const registration = useAppSelector(selectRegistration);
  const actionProblem = useAppSelector(selectCardActionProblem);
  const [toDelete, setToDelete] = useState<PaymentMethodDto | null>(null);
  const fromCallback = (location.state as Partial<FromCallbackState> | null)?.fromCallback === true;

  useEffect(() => {
    dispatch(paymentMethodsPageOpened({ keepNotice: fromCallback }));
  }, [dispatch, fromCallback]);

  const opening = registration.status === 'opening';
  const firstLoad = load === 'loading' && cards.length === 0;

  return (
    <>
      <nav aria-label="breadcrumb" className="mt-3 small">
        <Link to="/me">My page</Link> / 결제 수단
      </nav>
      <div className="d-flex flex-wrap justify-content-between align-items-center mt-2 mb-4 gap-2">
        <h1 className="h3 mb-0">결제 수단 · Payment methods</h1>
        <Button onClick={() => dispatch(cardRegistrationClicked())} disabled={opening || registration.status === 'registering'} data-testid="register-card">
          {opening ? 'Opening the card window…' : '카드 등록'}
        </Button>
      </div>
      <RegistrationNotice />
      {firstLoad ? <PageSpinner label="Loading your cards…" /> : null}
      {load === 'failed' ? <ProblemAlert problem={loadProblem} onRetry={() => dispatch(paymentMethodsPageOpened({ keepNotice: true }))} /> : null}
      <ProblemAlert problem={actionProblem} testId="card-action-problem" />
      {load === 'loaded' && cards.length === 0 ? (
        <p className="text-muted" data-testid="no-cards">
          No saved cards yet. Register one to subscribe; it is charged automatically each cycle.
        </p>
      ) : null}
      <ul className="list-unstyled d-grid gap-3" aria-label="Saved cards" data-testid="card-list">
        {cards.map((card) => (
          <CardRow key={card.id} card={card} isNew={registration.cardId === card.id} onDelete={() => setToDelete(card)} />
        ))}
      </ul>
      <ConfirmModal
        show={toDelete !== null}
        title="Delete this card?"
        confirmLabel="Delete card"
        testId="confirm-delete-card"
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          if (toDelete) dispatch(cardDeleteConfirmed({ id: toDelete.id }));
          setToDelete(null);
        }}
      >
        {toDelete ? (
          <p className="mb-0">
            {toDelete.cardCompany} <span className="font-monospace">{toDelete.maskedNumber}</span> will no longer be charged. A card that is the only one of an
            active subscription cannot be deleted.
          </p>
        ) : null}
      </ConfirmModal>
    </>
  );
}

function RegistrationNotice() {
  const dispatch = useAppDispatch();
  const { status, problem, windowError } = useAppSelector(selectRegistration);
  const dismiss = () => dispatch(registrationNoticeDismissed());
  switch (status) {
    case 'registering':
      return <PageSpinner label="Registering your card…" />;
    case 'registered':
      return (
        <Alert variant="success" dismissible onClose={dismiss} data-testid="registration-notice" data-status="registered">
          카드가 등록되었습니다. Your card is saved.
        </Alert>
      );
    case 'cancelled':
      return (
        <Alert variant="secondary" dismissible onClose={dismiss} data-testid="registration-notice" data-status="cancelled">
          Card registration was cancelled. No card was added.
        </Alert>
      );
    case 'failed':
      return (
        <Alert variant="danger" dismissible onClose={dismiss} data-testid="registration-notice" data-status="failed" data-code={windowError?.code ?? problem?.code}>
          <strong>카드 등록 실패 · The card could not be registered.</strong> <span data-testid="registration-error">{windowError?.message ?? problem?.message}</span>
        </Alert>
      );
    default:
      return null;
  }
}

function CardRow({ card, isNew, onDelete }: { card: PaymentMethodDto; isNew: boolean; onDelete: () => void }) {
  const dispatch = useAppDispatch();
  const busyId = useAppSelector(selectCardBusyId);
  const busy = busyId !== null;
  return (
    <li>
      <Card className={card.isDefault ? 'border-primary' : undefined} data-testid="card-row" data-default={card.isDefault} data-id={card.id} data-new={isNew || undefined}>
        <Card.Body className="d-flex flex-wrap justify-content-between align-items-center gap-2">
          <div className="d-flex align-items-center gap-2">
            <strong data-testid="card-company">{card.cardCompany}카드</strong>
            <span className="font-monospace" data-testid="card-number">
              {card.maskedNumber}
            </span>
            {card.cardType ? <span className="text-muted small">{card.cardType}</span> : null}
            {card.isDefault ? (
              <Badge bg="primary" data-testid="default-badge">
                기본
              </Badge>
            ) : null}
            {isNew ? (
              <Badge bg="success" data-testid="new-badge">
                New
              </Badge>
            ) : null}
          </div>
          <div className="d-flex gap-2">
            {!card.isDefault ? (
              <Button variant="outline-primary" size="sm" disabled={busy} onClick={() => dispatch(defaultCardChosen({ id: card.id }))} data-testid="make-default">
                {busyId === card.id ? 'Saving…' : 'Make default'}
              </Button>
            ) : null}
            <Button variant="outline-danger" size="sm" disabled={busy} onClick={onDelete} data-testid="delete-card">
              Delete
            </Button>
          </div>
        </Card.Body>
      </Card>
    </li>
  );
}
