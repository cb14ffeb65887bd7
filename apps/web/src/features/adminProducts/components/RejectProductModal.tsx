import { rejectRequestSchema } from '@roastery/contracts';
import type { FormEvent } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { useSchemaForm } from '../../../common/hooks/useSchemaForm';
import { ProblemAlert } from '../../../common/ui/ProblemAlert';
import { TextField } from '../../../common/ui/TextField';
import { productRejectConfirmed, productRejectDialogClosed, selectProductRejectDialog, selectProductRejectTarget } from '../adminProductsSlice';

/** Asks for the reason (required; the partner sees it beside the product) before rejecting. */
export function RejectProductModal() {
  const { reviewId } = useAppSelector(selectProductRejectDialog);
  const target = useAppSelector(selectProductRejectTarget);
  const dispatch = useAppDispatch();
  return (
    <Modal show={reviewId !== null} onHide={() => dispatch(productRejectDialogClosed())} aria-labelledby="product-reject-title" centered>
      {/* Keyed by review so each dialog starts with an empty reason. */}
      {reviewId ? <RejectForm key={reviewId} id={reviewId} name={target ? `${target.content.name} v${target.version}` : ''} /> : null}
    </Modal>
  );
}

function RejectForm({ id, name }: { id: string; name: string }) {
  const dispatch = useAppDispatch();
  const { submitting, problem } = useAppSelector(selectProductRejectDialog);
  const form = useSchemaForm(rejectRequestSchema, { reason: '' }, problem?.fieldErrors);
  const onSubmit = (e: FormEvent) => {
    const body = form.validate(e);
    if (body) dispatch(productRejectConfirmed({ id, reason: body.reason }));
  };
  const showGeneral = problem && Object.keys(problem.fieldErrors).length === 0;
  return (
    <Form noValidate onSubmit={onSubmit} ref={form.formRef} data-testid="product-reject-form">
      <Modal.Header closeButton>
        <Modal.Title id="product-reject-title" as="h2" className="h5">
          Reject {name}
        </Modal.Title>
      </Modal.Header>
      <Modal.Body>
        {showGeneral ? <ProblemAlert problem={problem} /> : null}
        <TextField
          formId="product-reject"
          label="Reason"
          rows={4}
          required
          help="The partner sees this reason beside the product and can resubmit."
          error={form.errorFor('reason')}
          {...form.bind('reason')}
        />
      </Modal.Body>
      <Modal.Footer>
        <Button variant="secondary" onClick={() => dispatch(productRejectDialogClosed())} disabled={submitting}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={submitting} data-testid="product-reject-confirm">
          {submitting ? 'Rejecting…' : 'Reject submission'}
        </Button>
      </Modal.Footer>
    </Form>
  );
}
