import type { SubscriptionDto } from '@roastery/contracts';
import { type FormEvent, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import { Link } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { formatWon } from '../../../common/utils/format';
import { selectAddresses } from '../../addresses/addressesSlice';
import { selectCards } from '../../paymentMethods/paymentMethodsSlice';
import { GRIND_LABELS, weightLabel } from '../../storefront/catalogLabels';
import { INTERVALS, intervalLabel } from '../subscriptionLabels';
import { selectSubscriptionDetail, type SubscriptionChanges, subscriptionOperationRequested } from '../subscriptionsSlice';

interface Draft {
  quantity: number;
  intervalWeeks: 1 | 2 | 4;
  optionId: string;
  addressId: string;
  paymentMethodId: string;
}

const draftOf = (s: SubscriptionDto): Draft => ({ quantity: s.quantity, intervalWeeks: s.intervalWeeks, optionId: s.optionId, addressId: s.addressId, paymentMethodId: s.paymentMethodId });

/** Only what differs from the subscription is sent, so an untouched field never races a change made elsewhere. */
export function changesBetween(s: SubscriptionDto, d: Draft): SubscriptionChanges {
  const changes: SubscriptionChanges = {};
  if (d.quantity !== s.quantity) changes.quantity = d.quantity;
  if (d.intervalWeeks !== s.intervalWeeks) changes.intervalWeeks = d.intervalWeeks;
  if (d.optionId !== s.optionId) changes.optionId = d.optionId;
  if (d.addressId !== s.addressId) changes.addressId = d.addressId;
  if (d.paymentMethodId !== s.paymentMethodId) changes.paymentMethodId = d.paymentMethodId;
  return changes;
}

/**
 * Quantity, interval, option, address and card, applied from the next box that is not being
 * billed (no proration). A new card also retries a declined box at once. Keyed by the
 * subscription's version by its parent, so it restarts from the server's values after each change.
 */
export function ChangeSubscriptionForm({ subscription: s }: { subscription: SubscriptionDto }) {
  const dispatch = useAppDispatch();
  const { busy, itemOptions } = useAppSelector(selectSubscriptionDetail);
  const addresses = useAppSelector(selectAddresses);
  const cards = useAppSelector(selectCards);
  const [draft, setDraft] = useState<Draft>(() => draftOf(s));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const changes = changesBetween(s, draft);
  const validQuantity = Number.isInteger(draft.quantity) && draft.quantity >= 1 && draft.quantity <= 20;
  const cancelled = s.status === 'CANCELLED';
  const options = itemOptions.length > 0 ? itemOptions : [];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(changes).length === 0 || !validQuantity) return;
    dispatch(subscriptionOperationRequested({ id: s.id, op: { kind: 'update', changes } }));
  };

  return (
    <Card className="mb-4" data-testid="change-form-card">
      <Card.Header as="h2" className="h6 mb-0">
        구성 변경 <span className="text-muted small">· 다음 상자부터 적용</span>
      </Card.Header>
      <Card.Body>
        {cancelled ? <p className="text-muted small">해지된 정기배송은 다시 구독한 뒤 변경할 수 있습니다.</p> : null}
        <Form onSubmit={onSubmit} data-testid="change-form">
          <fieldset disabled={cancelled || busy !== null}>
            <Row className="g-3">
              <Col sm={4}>
                <Form.Group controlId="change-quantity">
                  <Form.Label>수량</Form.Label>
                  <Form.Control type="number" min={1} max={20} value={Number.isNaN(draft.quantity) ? '' : draft.quantity} onChange={(e) => set('quantity', (e.target as HTMLInputElement).valueAsNumber)} isInvalid={!validQuantity} data-testid="change-quantity" />
                  <Form.Control.Feedback type="invalid">1–20</Form.Control.Feedback>
                </Form.Group>
              </Col>
              <Col sm={8}>
                <Form.Group controlId="change-interval">
                  <Form.Label>배송 주기</Form.Label>
                  <Form.Select value={draft.intervalWeeks} onChange={(e) => set('intervalWeeks', Number(e.target.value) as 1 | 2 | 4)} data-testid="change-interval">
                    {INTERVALS.map((w) => (
                      <option key={w} value={w}>
                        {intervalLabel(w)}
                      </option>
                    ))}
                  </Form.Select>
                </Form.Group>
              </Col>
              <Col sm={12}>
                <Form.Group controlId="change-option">
                  <Form.Label>옵션</Form.Label>
                  <Form.Select value={draft.optionId} onChange={(e) => set('optionId', e.target.value)} data-testid="change-option">
                    {options.some((o) => o.id === s.optionId) ? null : <option value={s.optionId}>{s.optionLabel}</option>}
                    {options.map((o) => (
                      <option key={o.id} value={o.id} disabled={o.stockStatus === 'SOLD_OUT' && o.id !== s.optionId}>
                        {weightLabel(o.weightGrams)} · {GRIND_LABELS[o.grind]} — {formatWon(o.priceWon)}
                        {o.stockStatus === 'SOLD_OUT' ? ' (품절)' : ''}
                      </option>
                    ))}
                  </Form.Select>
                  {changes.optionId ? <Form.Text>다른 옵션은 지금 가격으로 다음 상자부터 적용됩니다.</Form.Text> : null}
                </Form.Group>
              </Col>
              <Col sm={6}>
                <Form.Group controlId="change-address">
                  <Form.Label>배송지</Form.Label>
                  <Form.Select value={draft.addressId} onChange={(e) => set('addressId', e.target.value)} data-testid="change-address">
                    {addresses.some((a) => a.id === s.addressId) ? null : (
                      <option value={s.addressId}>
                        {s.shipTo.recipient} · {s.shipTo.line1}
                      </option>
                    )}
                    {addresses.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.label ? `${a.label} · ` : ''}
                        {a.recipient} · {a.line1} {a.line2}
                      </option>
                    ))}
                  </Form.Select>
                  <Form.Text>
                    <Link to="/me/addresses">배송지 추가</Link>
                  </Form.Text>
                </Form.Group>
              </Col>
              <Col sm={6}>
                <Form.Group controlId="change-card">
                  <Form.Label>결제 카드</Form.Label>
                  <Form.Select value={draft.paymentMethodId} onChange={(e) => set('paymentMethodId', e.target.value)} data-testid="change-card">
                    {cards.some((c) => c.id === s.paymentMethodId) ? null : <option value={s.paymentMethodId}>현재 카드</option>}
                    {cards.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.cardCompany} {c.maskedNumber}
                      </option>
                    ))}
                  </Form.Select>
                  <Form.Text>
                    <Link to="/me/payment-methods">카드 등록</Link>
                  </Form.Text>
                </Form.Group>
              </Col>
            </Row>
            <div className="d-flex gap-2 mt-3">
              <Button type="submit" disabled={Object.keys(changes).length === 0 || !validQuantity} data-testid="op-update">
                {busy === 'update' ? '저장 중…' : '변경 저장'}
              </Button>
              <Button variant="link" onClick={() => setDraft(draftOf(s))} disabled={Object.keys(changes).length === 0}>
                되돌리기
              </Button>
            </div>
          </fieldset>
        </Form>
      </Card.Body>
    </Card>
  );
}
