import type { SubscriptionDto } from '@roastery/contracts';
import { type FormEvent, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Form from 'react-bootstrap/Form';
import InputGroup from 'react-bootstrap/InputGroup';
import Modal from 'react-bootstrap/Modal';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { ConfirmModal } from '../../../common/ui/ConfirmModal';
import { formatSeoulDate } from '../../orders/orderLabels';
import { type SubscriptionOperation, selectSubscriptionDetail, subscriptionOperationRequested } from '../subscriptionsSlice';

/**
 * What a subscriber can do in the subscription's current state: skip, pause (until a date or
 * open-ended), resume (optionally on a date), move the next date, cancel with a reason, reactivate.
 * The server decides the dates (docs/subscriptions/billing-dates.md) and refuses what is out of bounds.
 */
export function SubscriptionActions({ subscription: s }: { subscription: SubscriptionDto }) {
  const dispatch = useAppDispatch();
  const { busy } = useAppSelector(selectSubscriptionDetail);
  const run = (op: SubscriptionOperation) => dispatch(subscriptionOperationRequested({ id: s.id, op }));
  const [confirmSkip, setConfirmSkip] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [until, setUntil] = useState('');
  const [resumeDate, setResumeDate] = useState('');
  const [nextDate, setNextDate] = useState('');
  const disabled = busy !== null;
  // A box being billed belongs to the billing run: date edits wait until it is done (the server answers CYCLE_DUE).
  const boxOpen = s.openOrder !== null;
  const label = (kind: SubscriptionOperation['kind'], text: string) => (busy === kind ? '처리 중…' : text);

  return (
    <Card className="mb-4" data-testid="subscription-actions">
      <Card.Header as="h2" className="h6 mb-0">
        일정 관리
      </Card.Header>
      <Card.Body className="d-grid gap-3">
        {s.status === 'ACTIVE' && boxOpen ? (
          <p className="small text-muted mb-0" data-testid="dates-locked">
            이번 상자를 결제하는 동안에는 건너뛰기, 일시정지, 날짜 변경을 할 수 없습니다. 수량·카드 등은 바꿀 수 있습니다.
          </p>
        ) : null}
        {s.status === 'ACTIVE' && !boxOpen ? (
          <>
            <div className="d-flex flex-wrap align-items-center gap-2">
              <Button variant="outline-primary" disabled={disabled || !s.nextBillingDate} onClick={() => setConfirmSkip(true)} data-testid="op-skip">
                {label('skip', '다음 상자 건너뛰기')}
              </Button>
              <span className="small text-muted">{s.nextBillingDate ? `${formatSeoulDate(s.nextBillingDate)} 상자를 건너뛰고 그다음 날짜에 받습니다.` : ''}</span>
            </div>
            <Form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                run({ kind: 'pause', until: until || undefined });
              }}
            >
              <Form.Label htmlFor="pause-until" className="small mb-1">
                일시정지 (날짜를 비우면 직접 다시 시작할 때까지)
              </Form.Label>
              <InputGroup style={{ maxWidth: '28rem' }}>
                <Form.Control id="pause-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} data-testid="pause-until" aria-label="일시정지 종료일" />
                <Button type="submit" variant="outline-secondary" disabled={disabled} data-testid="op-pause">
                  {label('pause', until ? '이날까지 일시정지' : '일시정지')}
                </Button>
              </InputGroup>
            </Form>
            <Form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                if (nextDate) run({ kind: 'update', changes: { nextBillingDate: nextDate } });
              }}
            >
              <Form.Label htmlFor="reschedule-date" className="small mb-1">
                다음 결제일 변경 (내일부터 현재 결제일 4주 뒤까지, 이후 주기가 이 날짜부터 계산됩니다)
              </Form.Label>
              <InputGroup style={{ maxWidth: '28rem' }}>
                <Form.Control id="reschedule-date" type="date" value={nextDate} onChange={(e) => setNextDate(e.target.value)} data-testid="reschedule-date" aria-label="새 결제일" />
                <Button type="submit" variant="outline-secondary" disabled={disabled || !nextDate} data-testid="op-reschedule">
                  {label('update', '날짜 변경')}
                </Button>
              </InputGroup>
            </Form>
          </>
        ) : null}
        {s.status === 'PAUSED' || s.status === 'PAST_DUE' ? (
          <Form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              run({ kind: 'resume', date: resumeDate || undefined });
            }}
          >
            <Form.Label htmlFor="resume-date" className="small mb-1">
              다시 시작 (날짜를 비우면 원래 주기의 다음 날짜, 고르면 그날부터 새 주기 — 4주 이내)
            </Form.Label>
            <InputGroup style={{ maxWidth: '28rem' }}>
              <Form.Control id="resume-date" type="date" value={resumeDate} onChange={(e) => setResumeDate(e.target.value)} data-testid="resume-date" aria-label="다시 시작할 날짜" />
              <Button type="submit" disabled={disabled} data-testid="op-resume">
                {label('resume', '다시 시작')}
              </Button>
            </InputGroup>
          </Form>
        ) : null}
        {s.status === 'CANCELLED' ? (
          <div className="d-flex align-items-center gap-2">
            <Button disabled={disabled} onClick={() => run({ kind: 'reactivate' })} data-testid="op-reactivate">
              {label('reactivate', '다시 구독하기')}
            </Button>
            <span className="small text-muted">같은 원두, 같은 주기로 다시 시작합니다.</span>
          </div>
        ) : (
          <div>
            <Button variant="outline-danger" size="sm" disabled={disabled} onClick={() => setCancelling(true)} data-testid="op-cancel">
              {label('cancel', '정기배송 해지')}
            </Button>
          </div>
        )}
      </Card.Body>
      <ConfirmModal
        show={confirmSkip}
        title="다음 상자 건너뛰기"
        confirmLabel="건너뛰기"
        variant="primary"
        testId="confirm-skip"
        onCancel={() => setConfirmSkip(false)}
        onConfirm={() => {
          setConfirmSkip(false);
          run({ kind: 'skip' });
        }}
      >
        {formatSeoulDate(s.nextBillingDate)} 상자를 건너뜁니다. 이 날짜에는 결제되지 않습니다.
      </ConfirmModal>
      <CancelModal
        show={cancelling}
        onCancel={() => setCancelling(false)}
        onConfirm={(reason) => {
          setCancelling(false);
          run({ kind: 'cancel', reason });
        }}
      />
    </Card>
  );
}

function CancelModal({ show, onCancel, onConfirm }: { show: boolean; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  return (
    <Modal show={show} onHide={onCancel} centered aria-labelledby="cancel-subscription-title" data-testid="cancel-modal">
      <Form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (trimmed) onConfirm(trimmed);
        }}
      >
        <Modal.Header closeButton>
          <Modal.Title id="cancel-subscription-title" as="h2" className="h5">
            정기배송 해지
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <p>해지하면 다음 결제부터 청구되지 않습니다. 결제되었거나 준비 중인 상자는 그대로 배송됩니다.</p>
          <Form.Group controlId="cancel-reason">
            <Form.Label>해지 이유</Form.Label>
            <Form.Control as="textarea" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="cancel-reason" required />
          </Form.Group>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="secondary" onClick={onCancel}>
            닫기
          </Button>
          <Button type="submit" variant="danger" disabled={!trimmed} data-testid="cancel-confirm">
            해지하기
          </Button>
        </Modal.Footer>
      </Form>
    </Modal>
  );
}
