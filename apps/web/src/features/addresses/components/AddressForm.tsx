import { createAddressRequestSchema } from '@roastery/contracts';
import { type FormEvent, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { useSchemaForm } from '../../../common/hooks/useSchemaForm';
import { ProblemAlert } from '../../../common/ui/ProblemAlert';
import { TextField } from '../../../common/ui/TextField';
import { newIdempotencyKey } from '../../../common/utils/idempotencyKey';
import { addressFormSubmitted, selectAddAddress } from '../addressesSlice';

type FieldName = 'label' | 'recipient' | 'phone' | 'postalCode' | 'line1' | 'line2';

const EMPTY: Record<FieldName, string> = { label: '', recipient: '', phone: '', postalCode: '', line1: '', line2: '' };

/**
 * A new shipping address, validated with the schema POST /api/me/addresses uses. The page keys it
 * by the add revision, so it starts empty again after each saved address.
 */
export function AddressForm({ initialRecipient = '', isFirst }: { initialRecipient?: string; isFirst: boolean }) {
  const dispatch = useAppDispatch();
  const { submitting, problem } = useAppSelector(selectAddAddress);
  const form = useSchemaForm<typeof createAddressRequestSchema, FieldName>(createAddressRequestSchema, { ...EMPTY, recipient: initialRecipient }, problem?.fieldErrors);
  const [makeDefault, setMakeDefault] = useState(false);

  const onSubmit = (e: FormEvent) => {
    const body = form.validate(e);
    if (body) dispatch(addressFormSubmitted({ body: { ...body, ...(makeDefault ? { isDefault: true } : {}) }, idempotencyKey: newIdempotencyKey() }));
  };

  const field = (name: FieldName, required = true) => ({ formId: 'address', error: form.errorFor(name), required, ...form.bind(name) });
  const showGeneral = problem && Object.keys(problem.fieldErrors).length === 0;

  return (
    <Form noValidate onSubmit={onSubmit} ref={form.formRef} aria-label="New address" data-testid="address-form">
      {showGeneral ? <ProblemAlert problem={problem} testId="address-problem" /> : null}
      <Row>
        <Col md={4}>
          <TextField label="Label" placeholder="집, 회사" help="Optional." {...field('label', false)} />
        </Col>
        <Col md={4}>
          <TextField label="Recipient" autoComplete="name" {...field('recipient')} />
        </Col>
        <Col md={4}>
          <TextField label="Phone" type="tel" autoComplete="tel" inputMode="tel" placeholder="010-1234-5678" {...field('phone')} />
        </Col>
      </Row>
      <Row>
        <Col md={3}>
          <TextField label="Postal code" inputMode="numeric" autoComplete="postal-code" placeholder="04524" {...field('postalCode')} />
        </Col>
        <Col md={9}>
          <TextField label="Street address" autoComplete="address-line1" placeholder="서울 중구 세종대로 110" {...field('line1')} />
        </Col>
      </Row>
      <TextField label="Address details" autoComplete="address-line2" placeholder="3층" help="Building, floor, unit (optional)." {...field('line2', false)} />
      {isFirst ? (
        <p className="small text-muted">Your first address becomes the default.</p>
      ) : (
        <Form.Check
          className="mb-3"
          id="address-isDefault"
          label="Make this my default address"
          checked={makeDefault}
          onChange={(e) => setMakeDefault(e.target.checked)}
        />
      )}
      <Button type="submit" disabled={submitting} data-testid="address-submit">
        {submitting ? 'Saving…' : 'Save address'}
      </Button>
    </Form>
  );
}
