import { type FormEvent, useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import Spinner from 'react-bootstrap/Spinner';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { ProblemAlert } from '../../../common/ui/ProblemAlert';
import { formatWon } from '../../../common/utils/format';
import { newIdempotencyKey } from '../../../common/utils/idempotencyKey';
import { refundDialogClosed, refundSubmitted, selectRefundableWon, selectRefundFlow } from '../adminPaymentsSlice';
import { REFUND_STATUS } from './paymentLabels';

/**
 * Asks for a refund of one payment: the amount defaults to what may still be refunded, a reason is
 * required; after sending, it follows the request until user-service completes or refuses it.
 */
export function RefundDialog({ orderId, show, onHide }: { orderId: string; show: boolean; onHide: () => void }) {
  const dispatch = useAppDispatch();
  const refundable = useAppSelector(selectRefundableWon);
  const flow = useAppSelector(selectRefundFlow);
  const [amount, setAmount] = useState(String(refundable));
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);

  const amountWon = Number(amount);
  const amountError = !Number.isInteger(amountWon) || amountWon < 1 ? '1원 이상의 금액을 입력하세요.' : amountWon > refundable ? `환불 가능 금액(${formatWon(refundable)})을 넘을 수 없습니다.` : null;
  const reasonError = reason.trim() === '' ? '환불 사유를 입력하세요.' : null;
  const sent = flow.phase === 'following' || flow.phase === 'finished' || flow.phase === 'lost';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (amountError || reasonError) return;
    // A request whose outcome is unknown is sent again under the same key, so it is asked for once.
    dispatch(refundSubmitted({ orderId, amount: amountWon, reason: reason.trim(), idempotencyKey: flow.retryKey ?? newIdempotencyKey() }));
  };
  const close = () => {
    dispatch(refundDialogClosed());
    onHide();
  };
  const status = flow.refund?.status ?? (flow.phase === 'following' ? 'REQUESTED' : null);

  return (
    <Modal show={show} onHide={close} centered aria-labelledby="refund-dialog-title" data-testid="refund-dialog">
      <Form noValidate onSubmit={submit}>
        <Modal.Header closeButton>
          <Modal.Title id="refund-dialog-title" as="h2" className="h5">
            환불 요청
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {sent ? (
            <div data-testid="refund-progress">
              <div className="mb-2">
                환불 상태:{' '}
                {status ? (
                  <Badge bg={REFUND_STATUS[status].bg} data-testid="refund-status">
                    {REFUND_STATUS[status].label}
                  </Badge>
                ) : null}
                {flow.phase === 'following' ? <Spinner size="sm" className="ms-2" role="status" aria-label="결제 서비스의 답을 기다리는 중" /> : null}
              </div>
              {flow.refund?.status === 'COMPLETED' ? <Alert variant="success">{formatWon(flow.refund.amountWon ?? 0)} 환불되었습니다.</Alert> : null}
              {flow.refund?.refusal ? (
                <Alert variant="danger" data-testid="refund-refusal">
                  거절 사유: {flow.refund.refusal.message} ({flow.refund.refusal.code})
                </Alert>
              ) : null}
              {flow.phase === 'lost' ? <ProblemAlert problem={flow.problem} testId="refund-poll-problem" /> : null}
            </div>
          ) : (
            <>
              <p className="text-muted small">환불 가능 금액 {formatWon(refundable)} · 결제 서비스가 원장 잔액으로 다시 확인합니다.</p>
              <ProblemAlert problem={flow.problem} testId="refund-problem" />
              <Form.Group className="mb-3" controlId="refund-amount">
                <Form.Label>환불 금액(원)</Form.Label>
                <Form.Control type="number" min={1} max={refundable} step={1} value={amount} onChange={(e) => setAmount(e.target.value)} isInvalid={touched && !!amountError} />
                <Form.Control.Feedback type="invalid">{amountError}</Form.Control.Feedback>
              </Form.Group>
              <Form.Group controlId="refund-reason">
                <Form.Label>환불 사유</Form.Label>
                <Form.Control as="textarea" rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} isInvalid={touched && !!reasonError} />
                <Form.Control.Feedback type="invalid">{reasonError}</Form.Control.Feedback>
              </Form.Group>
            </>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Button variant="secondary" onClick={close}>
            닫기
          </Button>
          {sent ? null : (
            <Button type="submit" variant="danger" disabled={flow.phase === 'submitting' || refundable === 0} data-testid="refund-submit">
              {flow.phase === 'submitting' ? '요청 중…' : '환불 요청'}
            </Button>
          )}
        </Modal.Footer>
      </Form>
    </Modal>
  );
}
