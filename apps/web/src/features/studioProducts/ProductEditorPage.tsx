import { useEffect, useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Modal from 'react-bootstrap/Modal';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { newIdempotencyKey } from '../../common/utils/idempotencyKey';
import { formatDateTime } from '../../common/utils/format';
import { PageSpinner } from '../../common/ui/PageSpinner';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { onSaleNote, ProductStatusBadge } from './components/ProductStatus';
import { ProductForm, type SaveIntent } from './components/ProductForm';
import { fieldName, missingBeforeSubmit } from './productForm';
import {
  editorNoticeDismissed,
  newProductSaveClicked,
  productEditorOpened,
  productSaveClicked,
  selectEditor,
  submitBlocked,
  submitForReviewClicked,
  withdrawConfirmed,
} from './studioProductsSlice';

/** /studio/products/new and /studio/products/:id: write a product, submit it, restock, withdraw. */
export function ProductEditorPage() {
  const { id: routeId } = useParams();
  const id = routeId ?? null;
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const editor = useAppSelector(selectEditor);
  const { product, load, pending, problem, missing, notice } = editor;
  usePageTitle(product ? product.current.content.name || 'Untitled draft' : 'New product');

  useEffect(() => {
    dispatch(productEditorOpened({ id }));
  }, [dispatch, id]);

  // A new draft exists: move to its own URL so a reload finds it.
  useEffect(() => {
    if (editor.createdId && id === null) navigate(`/studio/products/${editor.createdId}`, { replace: true });
  }, [editor.createdId, id, navigate]);

  if (load === 'loading' && !product) return <PageSpinner label="Loading the product…" />;
  if (load === 'failed') {
    return (
      <>
        <BackLink />
        <ProblemAlert problem={editor.loadProblem} messages={{ NOT_FOUND: 'This product does not exist, or it is not yours.' }} />
      </>
    );
  }

  const closed = product !== null && (product.status === 'WITHDRAWN' || product.status === 'MERGED');
  const inReview = product?.current.status === 'IN_REVIEW';
  const canSubmit = product === null || product.current.status === 'DRAFT' || product.current.status === 'REJECTED';

  const onSave = (intent: SaveIntent) => {
    if (intent.kind === 'submit' && product) dispatch(submitForReviewClicked({ id: product.id }));
    else if (intent.kind === 'create') dispatch(newProductSaveClicked({ body: intent.body, submitAfter: intent.submitAfter, idempotencyKey: newIdempotencyKey() }));
    else if (intent.kind === 'update' && product) dispatch(productSaveClicked({ id: product.id, body: intent.body, submitAfter: intent.submitAfter }));
  };

  const fieldErrors = problem?.fieldErrors ?? {};
  const showGeneral = problem !== null && Object.keys(fieldErrors).length === 0;

  return (
    <>
      <BackLink />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-3">
        <div>
          <h1 className="h3 mb-1" data-testid="editor-heading">
            {product ? product.current.content.name || 'Untitled draft' : 'New product'}
          </h1>
          {product ? (
            <p className="mb-0 d-flex flex-wrap gap-2 align-items-center small">
              <ProductStatusBadge product={product} testId="editor-status" />
              <span className="text-muted">Version {product.current.version}</span>
              <span data-testid="editor-on-sale">{onSaleNote(product)}</span>
            </p>
          ) : (
            <p className="text-muted mb-0">Save a draft any time; submit it when the coffee is ready for review.</p>
          )}
        </div>
        {product && !closed ? <WithdrawButton productId={product.id} busy={pending !== null} onSale={product.onSaleVersion !== null} /> : null}
      </div>

      {product?.current.status === 'REJECTED' ? (
        <Alert variant="danger" data-testid="editor-rejection">
          <Alert.Heading as="h2" className="h6">
            Version {product.current.version} was not approved{product.current.decidedAt ? ` (${formatDateTime(product.current.decidedAt)})` : ''}
          </Alert.Heading>
          <p className="mb-0">
            Reviewer&apos;s reason: <span data-testid="editor-rejection-reason">{product.current.rejectionReason ?? 'No reason was given.'}</span>
          </p>
          <p className="mb-0 mt-2 small">Edit the product and submit it again.</p>
        </Alert>
      ) : null}
      {inReview ? (
        <Alert variant="info" data-testid="editor-in-review">
          Version {product.current.version} is with a reviewer
          {product.current.submittedAt ? ` since ${formatDateTime(product.current.submittedAt)}` : ''}. Its content is locked until the
          decision; stock can still change.
        </Alert>
      ) : null}
      {notice ? (
        <Alert variant="success" dismissible onClose={() => dispatch(editorNoticeDismissed())} data-testid="editor-notice">
          {notice}
        </Alert>
      ) : null}
      {missing.length > 0 ? (
        <Alert variant="warning" data-testid="submit-missing">
          Review needs these before it can start:
          <ul className="mb-0">
            {missing.map((m) => (
              <li key={m} data-field={m}>
                {fieldName(m)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {showGeneral && missing.length === 0 ? (
        <ProblemAlert problem={problem} messages={{ INVALID_STATE: 'The product changed meanwhile (reviewed or withdrawn). Reload to see where it stands.' }} testId="editor-problem" />
      ) : null}

      <Card className="shadow-sm">
        <Card.Body className="p-4">
          <ProductForm
            key={`${editor.productId ?? 'new'}:${editor.revision}`}
            product={product}
            readOnly={closed || inReview}
            stockEditable={!closed}
            canSubmit={canSubmit}
            pending={pending}
            serverErrors={fieldErrors}
            missingBeforeSubmit={missingBeforeSubmit}
            onSave={onSave}
            onSubmitBlocked={(m) => dispatch(submitBlocked({ missing: m }))}
          />
        </Card.Body>
      </Card>
    </>
  );
}

function BackLink() {
  return (
    <p className="my-3">
      <Link to="/studio">← Your products</Link>
    </p>
  );
}

function WithdrawButton({ productId, busy, onSale }: { productId: string; busy: boolean; onSale: boolean }) {
  const dispatch = useAppDispatch();
  const [open, setOpen] = useState(false);
  const confirm = () => {
    setOpen(false);
    dispatch(withdrawConfirmed({ id: productId }));
  };
  return (
    <>
      <Button variant="outline-danger" size="sm" onClick={() => setOpen(true)} disabled={busy} data-testid="withdraw">
        Withdraw…
      </Button>
      <Modal show={open} onHide={() => setOpen(false)} aria-labelledby="withdraw-title" centered>
        <Modal.Header closeButton>
          <Modal.Title id="withdraw-title" as="h2" className="h5">
            Withdraw this product?
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {onSale ? 'It leaves the shop at once; subscribers are told it is no longer available.' : 'It will not be reviewed or sold.'}
        </Modal.Body>
        <Modal.Footer>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Keep it
          </Button>
          <Button variant="danger" onClick={confirm} data-testid="withdraw-confirm">
            Withdraw product
          </Button>
        </Modal.Footer>
      </Modal>
    </>
  );
}
