import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { zodFieldErrors } from '../formErrors';

type Values<K extends string> = Record<K, string>;
type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const NONE: Record<string, string> = {};

/**
 * Local state for a form validated by a shared zod schema (the one the server uses). Client
 * errors come from the schema, server errors from `Problem.fieldErrors`; a field's error hides
 * once it is edited, and the first invalid field takes focus after a refused submit.
 */
export function useSchemaForm<S extends z.ZodType, K extends string>(
  schema: S,
  initial: Values<K>,
  serverErrors: Record<string, string> = NONE,
) {
  const [values, setValues] = useState<Values<K>>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, clientErrors, serverErrors]);

  // Server errors belong to the submit that caused them: show them again for every field.
  useEffect(() => setEdited(new Set()), [serverErrors]);

  const bind = useCallback(
    (name: K) => ({
      name,
      value: values[name],
      onChange: (e: ChangeEvent<FieldElement>) => {
        const { value } = e.target;
        setValues((v) => ({ ...v, [name]: value }));
        setEdited((s) => (s.has(name) ? s : new Set(s).add(name)));
      },
    }),
    [values],
  );

  /** Validates; returns the schema's output, or null (and shows the errors) when invalid. */
  const validate = useCallback(
    (e?: FormEvent): z.output<S> | null => {
      e?.preventDefault();
      setEdited(new Set());
      setAttempt((n) => n + 1);
      const result = schema.safeParse(values);
      if (!result.success) {
        setClientErrors(zodFieldErrors(result.error));
        return null;
      }
      setClientErrors({});
      return result.data;
    },
    [schema, values],
  );

  /** The message to show beside a field: the schema's first, else the server's. */
  const errorFor = (name: K): string | undefined => (edited.has(name) ? undefined : (clientErrors[name] ?? serverErrors[name]));

  return { values, setValues, bind, validate, errorFor, formRef };
}
