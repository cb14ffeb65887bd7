import { GRINDS, type Grind, type PartnerProductDto } from '@roastery/contracts';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Table from 'react-bootstrap/Table';
import { GRIND_LABELS } from '../../storefront/catalogLabels';
import { newOptionRow, type OptionRow, type ProductFormErrors } from '../productForm';
import { StockCell } from './StockCell';

interface OptionsTableProps {
  rows: OptionRow[];
  onChange: (rows: OptionRow[]) => void;
  errors: ProductFormErrors;
  /** The saved product: its options' stock is edited in place. */
  product: PartnerProductDto | null;
  readOnly: boolean;
  /** Stock stays editable for a product in review; not for a withdrawn or merged one. */
  stockEditable: boolean;
  maxOptions: number;
}

/** Weight × grind options with price and stock. Existing rows keep their ids; removing one retires it. */
export function OptionsTable({ rows, onChange, errors, product, readOnly, stockEditable, maxOptions }: OptionsTableProps) {
  const saved = new Map((product?.current.options ?? []).map((o) => [o.id, o]));
  const update = (key: string, patch: Partial<OptionRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const remove = (key: string) => onChange(rows.filter((r) => r.key !== key));
  const add = () => {
    const last = rows.at(-1);
    onChange([...rows, newOptionRow(last ? { weightGrams: last.weightGrams, priceWon: last.priceWon } : {})]);
  };
  const cellError = (i: number, field: string) => errors[`options.${i}.${field}`];

  return (
    <fieldset className="mb-3" aria-describedby={errors.options ? 'product-options-error' : undefined}>
      <legend className="h6 text-uppercase text-muted">Options</legend>
      <Table size="sm" responsive className="align-middle" data-testid="options-table">
        <thead>
          <tr>
            <th scope="col">Weight (g)</th>
            <th scope="col">Grind</th>
            <th scope="col">Price (₩)</th>
            <th scope="col">Stock</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const existing = row.id ? saved.get(row.id) : undefined;
            return (
              <tr key={row.key} data-testid="option-row" data-option-id={row.id ?? ''}>
                <td>
                  <NumberCell
                    label={`Weight of option ${i + 1} in grams`}
                    value={row.weightGrams}
                    error={cellError(i, 'weightGrams')}
                    disabled={readOnly}
                    testId="option-weight"
                    onChange={(weightGrams) => update(row.key, { weightGrams })}
                  />
                </td>
                <td>
                  <Form.Select
                    size="sm"
                    aria-label={`Grind of option ${i + 1}`}
                    value={row.grind}
                    disabled={readOnly}
                    isInvalid={Boolean(cellError(i, 'grind'))}
                    onChange={(e) => update(row.key, { grind: e.target.value as Grind })}
                    data-testid="option-grind"
                  >
                    {GRINDS.map((g) => (
                      <option key={g} value={g}>
                        {GRIND_LABELS[g]}
                      </option>
                    ))}
                  </Form.Select>
                  <Form.Control.Feedback type="invalid">{cellError(i, 'grind')}</Form.Control.Feedback>
                </td>
                <td>
                  <NumberCell
                    label={`Price of option ${i + 1} in won`}
                    value={row.priceWon}
                    error={cellError(i, 'priceWon')}
                    disabled={readOnly}
                    testId="option-price"
                    onChange={(priceWon) => update(row.key, { priceWon })}
                  />
                </td>
                <td>
                  {existing && product ? (
                    <StockCell productId={product.id} optionId={existing.id} stock={existing.stock} index={i} disabled={!stockEditable} />
                  ) : (
                    <NumberCell
                      label={`Starting stock of option ${i + 1}`}
                      value={row.stock}
                      error={cellError(i, 'stock')}
                      disabled={readOnly}
                      testId="option-stock"
                      onChange={(stock) => update(row.key, { stock })}
                    />
                  )}
                </td>
                <td className="text-end">
                  {readOnly ? null : (
                    <Button
                      variant="outline-danger"
                      size="sm"
                      onClick={() => remove(row.key)}
                      disabled={rows.length === 1}
                      aria-label={`Remove option ${i + 1}`}
                      data-testid="option-remove"
                    >
                      ✕
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {errors.options ? (
        <p className="small text-danger" id="product-options-error" data-testid="product-options-error">
          {errors.options}
        </p>
      ) : null}
      {readOnly ? null : (
        <Button variant="outline-secondary" size="sm" onClick={add} disabled={rows.length >= maxOptions} data-testid="add-option">
          Add option
        </Button>
      )}
      <Form.Text className="d-block mt-1" muted>
        Kept options keep their ids, so subscriptions to them carry on. Stock of a saved option changes at once and is not
        reviewed.
      </Form.Text>
    </fieldset>
  );
}

interface NumberCellProps {
  label: string;
  value: string;
  error?: string;
  disabled: boolean;
  testId: string;
  onChange: (value: string) => void;
}

function NumberCell({ label, value, error, disabled, testId, onChange }: NumberCellProps) {
  return (
    <>
      <Form.Control
        size="sm"
        type="text"
        inputMode="numeric"
        aria-label={label}
        value={value}
        disabled={disabled}
        isInvalid={Boolean(error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        style={{ minWidth: '6rem' }}
      />
      <Form.Control.Feedback type="invalid">{error}</Form.Control.Feedback>
    </>
  );
}
