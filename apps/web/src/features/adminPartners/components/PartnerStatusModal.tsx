import { suspendPartnerRequestSchema } from '@roastery/contracts';
import type { FormEvent } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { useSchemaForm } from '../../../common/hooks/useSchemaForm';
import { ProblemAlert } from '../../../common/ui/ProblemAlert';
import { TextField } from '../../../common/ui/TextField';
import { partnerStatusConfirmed, partnerStatusDialogClosed, selectPartnerDialog, selectPartnerDialogTarget, type StatusAction } from '../adminPartnersSlice';

/** Suspend or reinstate a partner; both need a reason, which goes to the audit log. */
export function PartnerStatusModal() {
  const { partnerId, action } = useAppSelector(selectPartnerDialog);
  const target = useAppSelector(selectPartnerDialogTarget);
  const dispatch = useAppDispatch();
  return (
    <Modal show={partnerId !== null} onHide={() => dispatch(partnerStatusDialogClosed())} aria-labelledby="partner-status-title" centered>
      {partnerId ? <StatusForm key={`${partnerId}:${action}`} id={partnerId} action={action} name={target?.name ?? ''} /> : null}
    </Modal>
  );
}

function StatusForm({ id, action, name }: { id: string; action: StatusAction; name: string }) {
  const dispatch = useAppDispatch();
  const { submitting, problem } = useAppSelector(selectPartnerDialog);
  // Reinstating takes the same `{reason}` body as suspending.
  const form = useSchemaForm(suspendPartnerRequestSchema, { reason: '' }, problem?.fieldErrors);
  const onSubmit = (e: FormEvent) => {
    const body = form.validate(e);
    if (body) dispatch(partnerStatusConfirmed({ id, action, reason: body.reason }));
  };
  const suspend = action === 'suspend';
  const showGeneral = problem && Object.keys(problem.fieldErrors).length === 0;
  return (
    <Form noValidate onSubmit={onSubmit} ref={form.formRef} data-testid="partner-status-form">
      <Modal.Header closeButton>
        <Modal.Title id="partner-status-title" as="h2" className="h5">
          {suspend ? 'Suspend' : 'Reinstate'} {name}
        </Modal.Title>
      </Modal.Header>
      <Modal.Body>
        {showGeneral ? <ProblemAlert problem={problem} /> : null}
        <p className="small">
          {suspend
            ? 'Its items leave the shop at once; the partner can still read its console.'
            : 'Its approved items go back on sale.'}
        </p>
        <TextField formId="partner-status" label="Reason" rows={3} required error={form.errorFor('reason')} {...form.bind('reason')} />
      </Modal.Body>
      <Modal.Footer>
        <Button variant="secondary" onClick={() => dispatch(partnerStatusDialogClosed())} disabled={submitting}>
          Cancel
        </Button>
        <Button type="submit" variant={suspend ? 'danger' : 'success'} disabled={submitting} data-testid="partner-status-confirm">
          {submitting ? 'Saving…' : suspend ? 'Suspend partner' : 'Reinstate partner'}
        </Button>
      </Modal.Footer>
    </Form>
  );
}
