import { type AddressDto, MAX_ADDRESSES_PER_ACCOUNT } from '@roastery/contracts';
import { useEffect, useState } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import { Link } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { ConfirmModal } from '../../common/ui/ConfirmModal';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { selectAccount } from '../auth/authSlice';
import { formatPhone } from './addressFormat';
import {
  addressDeleteConfirmed,
  addressesPageOpened,
  defaultAddressChosen,
  selectAddAddress,
  selectAddressActionProblem,
  selectAddressBusyId,
  selectAddresses,
  selectAddressesLoad,
  selectAddressesLoadProblem,
  selectCanAddAddress,
} from './addressesSlice';
import { AddressForm } from './components/AddressForm';

/** /me/addresses (배송지): list, add, delete and choose the default shipping address. */
export function AddressesPage() {
  usePageTitle('배송지 · Shipping addresses');
  const dispatch = useAppDispatch();
  const load = useAppSelector(selectAddressesLoad);
  const loadProblem = useAppSelector(selectAddressesLoadProblem);
  const items = useAppSelector(selectAddresses);
  const actionProblem = useAppSelector(selectAddressActionProblem);
  const canAdd = useAppSelector(selectCanAddAddress);
  const { revision } = useAppSelector(selectAddAddress);
  const account = useAppSelector(selectAccount);
  const [toDelete, setToDelete] = useState<AddressDto | null>(null);

  useEffect(() => {
    dispatch(addressesPageOpened());
  }, [dispatch]);

  const firstLoad = load === 'loading' && items.length === 0;

  return (
    <>
      <nav aria-label="breadcrumb" className="mt-3 small">
        <Link to="/me">My page</Link> / 배송지
      </nav>
      <h1 className="h3 mt-2 mb-4">배송지 · Shipping addresses</h1>
      {firstLoad ? <PageSpinner label="Loading your addresses…" /> : null}
      {load === 'failed' ? <ProblemAlert problem={loadProblem} onRetry={() => dispatch(addressesPageOpened())} /> : null}
      <ProblemAlert problem={actionProblem} testId="address-action-problem" />
      {load === 'loaded' && items.length === 0 ? (
        <p className="text-muted" data-testid="no-addresses">
          No addresses yet. Add one below to receive your subscriptions.
        </p>
      ) : null}
      <ul className="list-unstyled d-grid gap-3 mb-4" aria-label="Addresses" data-testid="address-list">
        {items.map((a) => (
          <AddressCard key={a.id} address={a} onDelete={() => setToDelete(a)} />
        ))}
      </ul>
      {load === 'loaded' ? (
        canAdd ? (
          <Card className="shadow-sm">
            <Card.Body>
              <Card.Title as="h2" className="h5 mb-3">
                Add an address
              </Card.Title>
              <AddressForm key={revision} isFirst={items.length === 0} initialRecipient={account?.name ?? ''} />
            </Card.Body>
          </Card>
        ) : (
          <p className="text-muted" data-testid="address-limit">
            You have {MAX_ADDRESSES_PER_ACCOUNT} addresses, the most an account keeps. Delete one to add another.
          </p>
        )
      ) : null}
      <ConfirmModal
        show={toDelete !== null}
        title="Delete this address?"
        confirmLabel="Delete"
        testId="confirm-delete-address"
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          if (toDelete) dispatch(addressDeleteConfirmed({ id: toDelete.id }));
          setToDelete(null);
        }}
      >
        {toDelete ? (
          <>
            <p className="mb-1">
              {toDelete.label ? <strong>{toDelete.label} · </strong> : null}
              {toDelete.line1} {toDelete.line2}
            </p>
            {toDelete.isDefault ? <p className="small text-muted mb-0">Your newest other address becomes the default.</p> : null}
          </>
        ) : null}
      </ConfirmModal>
    </>
  );
}

function AddressCard({ address: a, onDelete }: { address: AddressDto; onDelete: () => void }) {
  const dispatch = useAppDispatch();
  const busyId = useAppSelector(selectAddressBusyId);
  const busy = busyId !== null;
  return (
    <li>
      <Card className={a.isDefault ? 'border-primary' : undefined} data-testid="address-card" data-default={a.isDefault} data-id={a.id}>
        <Card.Body className="d-flex flex-wrap justify-content-between gap-2">
          <div>
            <div className="d-flex align-items-center gap-2 mb-1">
              <strong data-testid="address-label">{a.label ?? a.recipient}</strong>
              {a.isDefault ? (
                <Badge bg="primary" data-testid="default-badge">
                  기본
                </Badge>
              ) : null}
            </div>
            <div>
              {a.recipient} · {formatPhone(a.phone)}
            </div>
            <div className="text-muted">
              ({a.postalCode}) {a.line1} {a.line2}
            </div>
          </div>
          <div className="d-flex align-items-start gap-2">
            {!a.isDefault ? (
              <Button variant="outline-primary" size="sm" disabled={busy} onClick={() => dispatch(defaultAddressChosen({ id: a.id }))} data-testid="make-default">
                {busyId === a.id ? 'Saving…' : 'Make default'}
              </Button>
            ) : null}
            <Button variant="outline-danger" size="sm" disabled={busy} onClick={onDelete} data-testid="delete-address">
              Delete
            </Button>
          </div>
        </Card.Body>
      </Card>
    </li>
  );
}
