import { useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Form from 'react-bootstrap/Form';
import Table from 'react-bootstrap/Table';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { ProblemAlert } from '../../../common/ui/ProblemAlert';
import { newIdempotencyKey } from '../../../common/utils/idempotencyKey';
import { KNOWN_CARRIERS, type ShipDraft, shipDraftErrors, toShipItems } from '../shipForm';
import { bulkShipResultDismissed, bulkShipSubmitted, selectSelectedOrders, selectStudioOrders } from '../studioOrdersSlice';

/** Carrier and tracking number per ticked order, then one bulk ship; the answer lists which failed and why. */
export function BulkShipPanel() {
  const dispatch = useAppDispatch();
  const orders = useAppSelector(selectSelectedOrders);
  const { bulk } = useAppSelector(selectStudioOrders);
  const [drafts, setDrafts] = useState<Record<string, ShipDraft>>({});
  const [defaultCarrier, setDefaultCarrier] = useState<string>(KNOWN_CARRIERS[0]);
  const [tried, setTried] = useState(false);
  const draftOf = (id: string): ShipDraft => drafts[id] ?? { carrier: defaultCarrier, trackingNumber: '' };
  const edit = (id: string, patch: Partial<ShipDraft>) => setDrafts((d) => ({ ...d, [id]: { ...draftOf(id), ...patch } }));

  const ship = () => {
    setTried(true);
    const all = Object.fromEntries(orders.map((o) => [o.id, draftOf(o.id)]));
    const { items, invalid } = toShipItems(
      orders.map((o) => o.id),
      all,
    );
    if (invalid.length > 0) return;
    dispatch(bulkShipSubmitted({ items, idempotencyKey: bulk.retryKey ?? newIdempotencyKey() }));
  };
  const failed = bulk.result?.results.filter((r) => r.outcome === 'FAILED') ?? [];

  return (
    <Card className="mb-4" data-testid="bulk-ship">
      <Card.Header className="d-flex justify-content-between align-items-center">
        <strong>Ship selected ({orders.length})</strong>
        <Form.Select size="sm" style={{ maxWidth: 200 }} aria-label="Default carrier" value={defaultCarrier} onChange={(e) => setDefaultCarrier(e.target.value)} data-testid="bulk-default-carrier">
          {KNOWN_CARRIERS.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </Form.Select>
      </Card.Header>
      <Card.Body>
        {bulk.result && (
          <Alert variant={failed.length > 0 ? 'warning' : 'success'} dismissible onClose={() => dispatch(bulkShipResultDismissed())} data-testid="bulk-ship-result">
            {bulk.result.shipped} shipped{failed.length > 0 ? `, ${failed.length} not shipped:` : '.'}
            {failed.length > 0 && (
              <ul className="mb-0" data-testid="bulk-ship-failures">
                {failed.map((f) => (
                  <li key={f.orderId} data-order-id={f.orderId}>
                    {f.orderId.slice(0, 8)} — {f.outcome === 'FAILED' ? f.message : ''}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        <ProblemAlert problem={bulk.problem} testId="bulk-ship-problem" />
        {orders.length === 0 ? (
          <p className="text-muted mb-0">Tick orders in the queue to ship them together.</p>
        ) : (
          <>
            <Table size="sm">
              <thead>
                <tr>
                  <th>Order</th>
                  <th>Recipient</th>
                  <th>Carrier</th>
                  <th>Tracking number</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => {
                  const d = draftOf(o.id);
                  const errors = tried ? shipDraftErrors(d) : {};
                  return (
                    <tr key={o.id} data-testid="bulk-ship-row" data-order-id={o.id}>
                      <td className="font-monospace small">{o.orderId.slice(0, 8)}</td>
                      <td>{o.shipTo?.recipient ?? '—'}</td>
                      <td>
                        <Form.Control size="sm" list="known-carriers" aria-label={`Carrier for ${o.orderId.slice(0, 8)}`} value={d.carrier} maxLength={40} isInvalid={!!errors.carrier} onChange={(e) => edit(o.id, { carrier: e.target.value })} data-testid="bulk-carrier" />
                        <Form.Control.Feedback type="invalid">{errors.carrier}</Form.Control.Feedback>
                      </td>
                      <td>
                        <Form.Control size="sm" aria-label={`Tracking number for ${o.orderId.slice(0, 8)}`} value={d.trackingNumber} isInvalid={!!errors.trackingNumber} onChange={(e) => edit(o.id, { trackingNumber: e.target.value })} data-testid="bulk-tracking" />
                        <Form.Control.Feedback type="invalid">{errors.trackingNumber}</Form.Control.Feedback>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            <datalist id="known-carriers">
              {KNOWN_CARRIERS.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
            <Button onClick={ship} disabled={bulk.pending} data-testid="bulk-ship-submit">
              {bulk.pending ? 'Shipping…' : `Ship ${orders.length} order${orders.length === 1 ? '' : 's'}`}
            </Button>
          </>
        )}
      </Card.Body>
    </Card>
  );
}
