import { useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { ProblemAlert } from '../../../common/ui/ProblemAlert';
import { newIdempotencyKey } from '../../../common/utils/idempotencyKey';
import { formatWon } from '../../../common/utils/format';
import { refundDialogClosed, refundSubmitted, selectRefundDialog, selectRefundOrder } from '../studioOrdersSlice';

/** Refund part of the partner's lines of one order, within the per-refund limit. */
export function RefundDialog({ limitWon }: { limitWon: number }) {
  const dispatch = useAppDispatch();
  const dialog = useAppSelector(selectRefundDialog);
  const order = useAppSelector(selectRefundOrder);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const close = () => {
    setAmount('');
    setReason('');
    dispatch(refundDialogClosed());
  };
  if (!dialog.orderId) return null;
  const max = Math.min(limitWon, order?.refundableWon ?? limitWon);
  const value = Number(amount);
  const amountError = amount === '' ? null : !Number.isInteger(value) || value <= 0 ? 'A whole number of won above 0.' : value > max ? `At most ${formatWon(max)}.` : null;
  const canSend = !dialog.pending && amount !== '' && amountError === null && reason.trim().length > 0 && dialog.refundId === null;
  const send = () => dispatch(refundSubmitted({ orderId: dialog.orderId ?? '', amount: value, reason: reason.trim(), idempotencyKey: dialog.retryKey ?? newIdempotencyKey() }));

  return (
    <Modal show onHide={close} data-testid="refund-dialog">
      <Modal.Header closeButton>
        <Modal.Title>Refund</Modal.Title>
      </Modal.Header>
      <Modal.Body>
        <p className="text-muted small" data-testid="refund-limit">
          Up to {formatWon(limitWon)} per refund{order ? `; ${formatWon(order.refundableWon)} of your lines is left to refund` : ''}. Roastery pays it back to the subscriber&apos;s card.
        </p>
        {dialog.refundId ? (
          <Alert variant="success" data-testid="refund-accepted">
            Refund requested ({dialog.refundId.slice(0, 8)}). It appears as completed once the payment is refunded.
          </Alert>
        ) : (
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              if (canSend) send();
            }}
          >
            <Form.Group className="mb-3" controlId="refund-amount">
              <Form.Label>Amount (won)</Form.Label>
              <Form.Control type="number" min={1} max={max} value={amount} onChange={(e) => setAmount(e.target.value)} isInvalid={amountError !== null} data-testid="refund-amount" />
              <Form.Control.Feedback type="invalid">{amountError}</Form.Control.Feedback>
            </Form.Group>
            <Form.Group className="mb-3" controlId="refund-reason">
              <Form.Label>Reason</Form.Label>
              <Form.Control as="textarea" rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="refund-reason" />
            </Form.Group>
            <ProblemAlert problem={dialog.problem} testId="refund-problem" />
            <Button type="submit" disabled={!canSend} data-testid="refund-send">
              {dialog.pending ? 'Sending…' : 'Request refund'}
            </Button>
          </Form>
        )}
      </Modal.Body>
    </Modal>
  );
}
