import { partnerApplicationRequestSchema, type PartnerApplicationDto } from '@roastery/contracts';
import type { FormEvent } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { useSchemaForm } from '../../../common/hooks/useSchemaForm';
import { ProblemAlert } from '../../../common/ui/ProblemAlert';
import { TextField } from '../../../common/ui/TextField';
import { selectAccount } from '../../auth/authSlice';
import { applyFormSubmitted, selectSubmit } from '../partnerApplicationSlice';

type FieldName = 'businessName' | 'registrationNumber' | 'representative' | 'phone' | 'email' | 'payoutBank' | 'payoutAccount';

interface ApplyFormProps {
  /** A rejected application to start from; the payout account is never prefilled (it is masked). */
  previous?: PartnerApplicationDto | null;
}

function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The partner application form, validated with the same schema as POST /partner/applications. */
export function ApplyForm({ previous }: ApplyFormProps) {
  const dispatch = useAppDispatch();
  const account = useAppSelector(selectAccount);
  const { submitting, problem } = useAppSelector(selectSubmit);
  const form = useSchemaForm<typeof partnerApplicationRequestSchema, FieldName>(
    partnerApplicationRequestSchema,
    {
      businessName: previous?.businessName ?? '',
      registrationNumber: previous?.registrationNumber ?? '',
      representative: previous?.representative ?? account?.name ?? '',
      phone: previous?.phone ?? '',
      email: previous?.email ?? account?.email ?? '',
      payoutBank: previous?.payoutBank ?? '',
      payoutAccount: '',
    },
    problem?.fieldErrors,
  );

  const onSubmit = (e: FormEvent) => {
    const body = form.validate(e);
    if (body) dispatch(applyFormSubmitted({ body, idempotencyKey: newIdempotencyKey() }));
  };

  const field = (name: FieldName) => ({ formId: 'apply', error: form.errorFor(name), required: true, ...form.bind(name) });
  const showGeneral = problem && Object.keys(problem.fieldErrors).length === 0;

  return (
    <Form noValidate onSubmit={onSubmit} ref={form.formRef} aria-label="Partner application" data-testid="apply-form">
      {showGeneral ? (
        <ProblemAlert
          problem={problem}
          testId="apply-problem"
          messages={{
            APPLICATION_ALREADY_OPEN: 'You already have an application under review.',
            ALREADY_PARTNER: 'Your account is already a partner.',
          }}
        />
      ) : null}
      <fieldset className="mb-2">
        <legend className="h6 text-uppercase text-muted">Your roastery</legend>
        <TextField label="Business name" autoComplete="organization" {...field('businessName')} />
        <Row>
          <Col md={6}>
            <TextField
              label="Business registration number"
              inputMode="numeric"
              placeholder="123-45-67890"
              help="The 10-digit number on your registration certificate (사업자등록번호)."
              {...field('registrationNumber')}
            />
          </Col>
          <Col md={6}>
            <TextField label="Representative" autoComplete="name" {...field('representative')} />
          </Col>
        </Row>
      </fieldset>
      <fieldset className="mb-2">
        <legend className="h6 text-uppercase text-muted">Contact</legend>
        <Row>
          <Col md={6}>
            <TextField label="Phone" type="tel" autoComplete="tel" placeholder="010-1234-5678" {...field('phone')} />
          </Col>
          <Col md={6}>
            <TextField label="Contact email" type="email" autoComplete="email" {...field('email')} />
          </Col>
        </Row>
      </fieldset>
      <fieldset className="mb-3">
        <legend className="h6 text-uppercase text-muted">Payouts</legend>
        <Row>
          <Col md={6}>
            <TextField label="Payout bank" placeholder="e.g. KB Kookmin" {...field('payoutBank')} />
          </Col>
          <Col md={6}>
            <TextField
              label="Payout account number"
              inputMode="numeric"
              autoComplete="off"
              help="Stored encrypted; only the last four digits are ever shown."
              {...field('payoutAccount')}
            />
          </Col>
        </Row>
      </fieldset>
      <Button type="submit" disabled={submitting} data-testid="apply-submit">
        {submitting ? 'Submitting…' : 'Submit application'}
      </Button>
    </Form>
  );
}
