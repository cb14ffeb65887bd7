import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import InputGroup from 'react-bootstrap/InputGroup';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { selectStockEdit, stockUpdateSubmitted } from '../studioProductsSlice';

interface StockCellProps {
  productId: string;
  optionId: string;
  stock: number;
  /** The option's position, for the accessible name. */
  index: number;
  disabled?: boolean;
}

/**
 * Stock of an option that exists on the server. It is changed on its own (PATCH …/stock) and never
 * goes through review, so it stays editable while a version is in review.
 */
export function StockCell({ productId, optionId, stock, index, disabled }: StockCellProps) {
  const dispatch = useAppDispatch();
  const edit = useAppSelector((s) => selectStockEdit(s, optionId));
  const [value, setValue] = useState(String(stock));
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(stock);
  // A new stock from the server (after this save or a reload) replaces what was typed.
  if (shown !== stock) {
    setShown(stock);
    setValue(String(stock));
  }
  const parsed = Number(value.replace(/[,\s]/g, ''));
  const changed = value.trim() !== '' && parsed !== stock;

  const onSubmit = (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 1_000_000) {
      setError('A whole number from 0');
      return;
    }
    setError(null);
    dispatch(stockUpdateSubmitted({ productId, optionId, stock: parsed }));
  };
  const message = error ?? edit?.problem?.message ?? null;
  const id = `stock-${optionId}`;

  return (
    // Not a <form>: it sits inside the editor's form. Enter in the input saves this stock only.
    <div data-testid="stock-cell">
      <InputGroup size="sm" hasValidation>
        <Form.Control
          id={id}
          type="text"
          inputMode="numeric"
          aria-label={`Stock of option ${index + 1}`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onSubmit(e);
          }}
          isInvalid={Boolean(message)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          disabled={disabled}
          data-testid="stock-input"
          style={{ maxWidth: '6rem' }}
        />
        <Button variant="outline-primary" onClick={onSubmit} disabled={disabled || !changed || edit?.saving} data-testid="stock-save">
          {edit?.saving ? 'Saving…' : 'Set'}
        </Button>
        <Form.Control.Feedback type="invalid" id={`${id}-error`}>
          {message}
        </Form.Control.Feedback>
      </InputGroup>
    </div>
  );
}
