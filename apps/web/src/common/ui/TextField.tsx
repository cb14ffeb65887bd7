import type { ChangeEvent, ReactNode } from 'react';
import Form from 'react-bootstrap/Form';

interface TextFieldProps {
  /** Prefix that makes the input id unique on the page (`signup` → `signup-email`). */
  formId: string;
  name: string;
  label: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  error?: string;
  help?: ReactNode;
  type?: 'text' | 'email' | 'password' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  required?: boolean;
  disabled?: boolean;
  rows?: number;
  placeholder?: string;
}

/** A labelled input with its help text and its error announced to assistive technology. */
export function TextField({
  formId,
  name,
  label,
  value,
  onChange,
  error,
  help,
  type = 'text',
  autoComplete,
  inputMode,
  required,
  disabled,
  rows,
  placeholder,
}: TextFieldProps) {
  const id = `${formId}-${name}`;
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    name,
    value,
    onChange,
    isInvalid: Boolean(error),
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy,
    disabled,
    placeholder,
  };
  return (
    <Form.Group className="mb-3" controlId={id}>
      <Form.Label>
        {label}
        {required ? (
          <span className="text-danger ms-1" aria-hidden="true">
            *
          </span>
        ) : null}
      </Form.Label>
      {rows ? (
        <Form.Control as="textarea" rows={rows} {...common} />
      ) : (
        <Form.Control type={type} autoComplete={autoComplete} inputMode={inputMode} {...common} />
      )}
      {help ? (
        <Form.Text id={`${id}-help`} muted>
          {help}
        </Form.Text>
      ) : null}
      <Form.Control.Feedback type="invalid" id={`${id}-error`} data-testid={`${formId}-${name}-error`}>
        {error}
      </Form.Control.Feedback>
    </Form.Group>
  );
}
