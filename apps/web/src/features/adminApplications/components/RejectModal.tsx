import { rejectRequestSchema } from '@roastery/contracts';
import type { FormEvent } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { useSchemaForm } from '../../../common/hooks/useSchemaForm';
import { ProblemAlert } from '../../../common/ui/ProblemAlert';
import { TextField } from '../../../common/ui/TextField';
import { rejectConfirmed, rejectDialogClosed, selectRejectDialog, selectRejectTarget } from '../adminApplicationsSlice';

/** Asks for the reason (required, shown to the applicant) before rejecting. */
export function RejectModal() {
  const { applicationId } = useAppSelector(selectRejectDialog);
  const target = useAppSelector(selectRejectTarget);
  const dispatch = useAppDispatch();
  return (
    <Modal show={applicationId !== null} onHide={() => dispatch(rejectDialogClosed())} aria-labelledby="reject-title" centered>
      {/* Keyed by application so each dialog starts with an empty reason. */}
      {applicationId ? <RejectForm key={applicationId} id={applicationId} businessName={target?.businessName ?? ''} /> : null}
    </Modal>
  );
}

function RejectForm({ id, businessName }: { id: string; businessName: string }) {
  const dispatch = useAppDispatch();
  const { submitting, problem } = useAppSelector(selectRejectDialog);
  const form = useSchemaForm(rejectRequestSchema, { reason: '' }, problem?.fieldErrors);
  const onSubmit = (e: FormEvent) => {
    const body = form.validate(e);
    if (body) dispatch(rejectConfirmed({ id, reason: body.reason }));
  };
  const showGeneral = problem && Object.keys(problem.fieldErrors).length === 0;
  return (
    <Form noValidate onSubmit={onSubmit} ref={form.formRef} data-testid="reject-form">
      <Modal.Header closeButton>
        <Modal.Title id="reject-title" as="h2" className="h5">
          Reject {businessName}
        </Modal.Title>
      </Modal.Header>
      <Modal.Body>
        {showGeneral ? <ProblemAlert problem={problem} /> : null}
        <TextField
          formId="reject"
          label="Reason"
          rows={4}
          required
          help="The applicant sees this reason and can apply again."
          error={form.errorFor('reason')}
          {...form.bind('reason')}
        />
      </Modal.Body>
      <Modal.Footer>
        <Button variant="secondary" onClick={() => dispatch(rejectDialogClosed())} disabled={submitting}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={submitting} data-testid="reject-confirm">
          {submitting ? 'Rejecting…' : 'Reject application'}
        </Button>
      </Modal.Footer>
    </Form>
  );
}
