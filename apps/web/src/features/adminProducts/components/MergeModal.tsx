import { approveProductRequestSchema } from '@roastery/contracts';
import type { FormEvent } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { useSchemaForm } from '../../../common/hooks/useSchemaForm';
import { TextField } from '../../../common/ui/TextField';
import { mergeDialogClosed, productApproveClicked, selectMergeDialog, selectMergeTarget } from '../adminProductsSlice';

const noteSchema = approveProductRequestSchema.pick({ note: true });

/**
 * Confirms an approve-as-merge: the submission becomes the new version of the product it
 * duplicates, and its own product is closed as MERGED (no second catalog item appears).
 */
export function MergeModal() {
  const dispatch = useAppDispatch();
  const { reviewId, targetProductId } = useAppSelector(selectMergeDialog);
  const review = useAppSelector(selectMergeTarget);
  return (
    <Modal show={reviewId !== null} onHide={() => dispatch(mergeDialogClosed())} aria-labelledby="merge-title" centered>
      {reviewId && targetProductId ? (
        <MergeForm
          key={`${reviewId}:${targetProductId}`}
          reviewId={reviewId}
          targetProductId={targetProductId}
          finding={review?.findings.find((f) => f.code === 'SUSPECTED_DUPLICATE' && f.productId === targetProductId)?.message ?? ''}
          name={review?.content.name ?? ''}
        />
      ) : null}
    </Modal>
  );
}

function MergeForm({ reviewId, targetProductId, finding, name }: { reviewId: string; targetProductId: string; finding: string; name: string }) {
  const dispatch = useAppDispatch();
  const form = useSchemaForm(noteSchema, { note: '' });
  const onSubmit = (e: FormEvent) => {
    const body = form.validate(e);
    if (!body) return;
    dispatch(productApproveClicked({ id: reviewId, body: { mergeInto: targetProductId, ...(body.note ? { note: body.note } : {}) } }));
  };
  return (
    <Form noValidate onSubmit={onSubmit} ref={form.formRef} data-testid="merge-form">
      <Modal.Header closeButton>
        <Modal.Title id="merge-title" as="h2" className="h5">
          Merge {name} into the existing product
        </Modal.Title>
      </Modal.Header>
      <Modal.Body>
        {finding ? <p className="small text-warning-emphasis bg-warning-subtle rounded px-2 py-1">{finding}</p> : null}
        <p>
          The submission becomes the new version of product <code>{targetProductId}</code>; its own listing is closed as merged, so
          the catalog keeps a single item.
        </p>
        <TextField formId="merge" label="Note (optional)" rows={2} error={form.errorFor('note')} {...form.bind('note')} />
      </Modal.Body>
      <Modal.Footer>
        <Button variant="secondary" onClick={() => dispatch(mergeDialogClosed())}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" data-testid="merge-confirm">
          Approve as merge
        </Button>
      </Modal.Footer>
    </Form>
  );
}
