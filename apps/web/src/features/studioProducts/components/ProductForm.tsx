import { PRODUCT_LIMITS, ROAST_LEVELS, type PartnerProductDto, type RoastLevel } from '@roastery/contracts';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import { TextField } from '../../../common/ui/TextField';
import { ROAST_LABELS } from '../../storefront/catalogLabels';
import {
  emptyProductForm,
  formErrorsFromPaths,
  productToForm,
  toCreateBody,
  toUpdateBody,
  type ProductFormErrors,
  type ProductFormValues,
} from '../productForm';
import type { CreateProductBody, UpdateProductBody } from '../studioProductsApi';
import { OptionsTable } from './OptionsTable';

/** Saved options change stock on their own, so their stock never makes the form dirty. */
function comparable(v: ProductFormValues): string {
  return JSON.stringify({ ...v, options: v.options.map((r) => (r.id ? { ...r, stock: '' } : r)) });
}

type TextKey = Exclude<keyof ProductFormValues, 'options' | 'roastLevel'>;

export type SaveIntent =
  | { kind: 'create'; body: CreateProductBody; submitAfter: boolean }
  | { kind: 'update'; body: UpdateProductBody; submitAfter: boolean }
  | { kind: 'submit' };

interface ProductFormProps {
  /** The saved product, or null for a new one. */
  product: PartnerProductDto | null;
  readOnly: boolean;
  stockEditable: boolean;
  /** May the working version be sent to review (a draft, or a rejected version)? */
  canSubmit: boolean;
  pending: 'save' | 'submit' | 'withdraw' | null;
  /** Field errors the server answered with, keyed by request path. */
  serverErrors: Record<string, string>;
  /** Asks for missing review fields before anything is sent. */
  missingBeforeSubmit: (values: ProductFormValues) => string[];
  onSave: (intent: SaveIntent) => void;
  onSubmitBlocked: (missing: string[]) => void;
}

/**
 * The product editor's form: content, tasting notes, image URLs and the options table. Validated
 * with the request schemas the server uses; unsaved edits are saved before a submit.
 */
export function ProductForm({ product, readOnly, stockEditable, canSubmit, pending, serverErrors, missingBeforeSubmit, onSave, onSubmitBlocked }: ProductFormProps) {
  // The page re-keys this form whenever the server's product should replace the values.
  const [initial] = useState(() => (product ? productToForm(product) : emptyProductForm()));
  const [values, setValues] = useState<ProductFormValues>(initial);
  const [clientErrors, setClientErrors] = useState<ProductFormErrors>({});
  const dirty = product === null || comparable(values) !== comparable(initial);
  const errors = { ...formErrorsFromPaths(serverErrors), ...clientErrors };
  const busy = pending !== null;

  const bind = (name: TextKey) => ({
    formId: 'product',
    name,
    value: values[name],
    error: errors[name],
    disabled: readOnly,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const { value } = e.target;
      setValues((v) => ({ ...v, [name]: value }));
      setClientErrors(({ [name]: _gone, ...rest }) => rest);
    },
  });

  const save = (submitAfter: boolean) => {
    if (submitAfter) {
      const missing = missingBeforeSubmit(values);
      if (missing.length > 0) {
        onSubmitBlocked(missing);
        return;
      }
    }
    if (!dirty && product && submitAfter) {
      onSave({ kind: 'submit' });
      return;
    }
    const parsed = product ? toUpdateBody(values) : toCreateBody(values);
    if (!parsed.ok) {
      setClientErrors(parsed.errors);
      return;
    }
    setClientErrors({});
    onSave(product ? { kind: 'update', body: parsed.body, submitAfter } : { kind: 'create', body: parsed.body as CreateProductBody, submitAfter });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save(false);
  };

  return (
    <Form noValidate onSubmit={onSubmit} aria-label="Product" data-testid="product-form">
      <fieldset className="mb-2">
        <legend className="h6 text-uppercase text-muted">The coffee</legend>
        <TextField label="Name" required {...bind('name')} />
        <Row>
          <Col md={6}>
            <TextField label="Origin country" required placeholder="e.g. Ethiopia, 에티오피아" {...bind('country')} />
          </Col>
          <Col md={6}>
            <TextField label="Origin region" placeholder="e.g. Yirgacheffe" {...bind('region')} />
          </Col>
        </Row>
        <Row>
          <Col md={6}>
            <TextField label="Farm or producer" {...bind('producer')} />
          </Col>
          <Col md={6}>
            <TextField label="Lot" {...bind('lot')} />
          </Col>
        </Row>
        <Row>
          <Col md={4}>
            <TextField label="Variety" placeholder="e.g. Heirloom, Geisha" {...bind('variety')} />
          </Col>
          <Col md={4}>
            <TextField label="Process" required placeholder="e.g. Washed, Natural" {...bind('process')} />
          </Col>
          <Col md={4}>
            <Form.Group className="mb-3" controlId="product-roastLevel">
              <Form.Label>
                Roast level
                <span className="text-danger ms-1" aria-hidden="true">
                  *
                </span>
              </Form.Label>
              <Form.Select
                value={values.roastLevel}
                disabled={readOnly}
                isInvalid={Boolean(errors.roastLevel)}
                aria-invalid={errors.roastLevel ? true : undefined}
                aria-required
                aria-describedby={errors.roastLevel ? 'product-roastLevel-error' : undefined}
                onChange={(e) => {
                  setValues((v) => ({ ...v, roastLevel: e.target.value as RoastLevel | '' }));
                  setClientErrors(({ roastLevel: _gone, ...rest }) => rest);
                }}
              >
                <option value="">Choose…</option>
                {ROAST_LEVELS.map((r) => (
                  <option key={r} value={r}>
                    {ROAST_LABELS[r]}
                  </option>
                ))}
              </Form.Select>
              <Form.Control.Feedback type="invalid" id="product-roastLevel-error" data-testid="product-roastLevel-error">
                {errors.roastLevel}
              </Form.Control.Feedback>
            </Form.Group>
          </Col>
        </Row>
      </fieldset>
      <fieldset className="mb-2">
        <legend className="h6 text-uppercase text-muted">For the shop</legend>
        <TextField label="Tasting notes" help={`Separated by commas, up to ${PRODUCT_LIMITS.tastingNotes}.`} placeholder="Jasmine, bergamot, honey" {...bind('tastingNotes')} />
        <TextField label="Description" rows={4} help="Plain text; it is shown as written." {...bind('description')} />
        <TextField label="Image URLs" rows={2} help={`One http(s) URL per line, up to ${PRODUCT_LIMITS.images}.`} {...bind('imageUrls')} />
      </fieldset>
      <OptionsTable
        rows={values.options}
        onChange={(options) => {
          setValues((v) => ({ ...v, options }));
          setClientErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('options'))));
        }}
        errors={errors}
        product={product}
        readOnly={readOnly}
        stockEditable={stockEditable}
        maxOptions={PRODUCT_LIMITS.options}
      />
      {readOnly ? null : (
        <div className="d-flex flex-wrap gap-2 align-items-center">
          <Button type="submit" variant={canSubmit ? 'outline-primary' : 'primary'} disabled={busy || !dirty} data-testid="product-save">
            {pending === 'save' ? 'Saving…' : product ? 'Save changes' : 'Save draft'}
          </Button>
          {canSubmit || dirty ? (
            <Button variant="primary" onClick={() => save(true)} disabled={busy} data-testid="product-submit">
              {pending === 'submit' ? 'Submitting…' : dirty ? 'Save and submit for review' : 'Submit for review'}
            </Button>
          ) : null}
          {dirty && product ? (
            <span className="small text-muted" data-testid="unsaved-note">
              Unsaved changes
            </span>
          ) : null}
        </div>
      )}
    </Form>
  );
}
