import { signupRequestSchema } from '@roastery/contracts';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Form from 'react-bootstrap/Form';
import { Link, Navigate } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useSchemaForm } from '../../common/hooks/useSchemaForm';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { TextField } from '../../common/ui/TextField';
import { selectSignupForm, signupPageOpened, signupSubmitted } from './authSlice';

/** /signup: create a subscriber account, then sign in. */
export function SignupPage() {
  usePageTitle('Create your account');
  const dispatch = useAppDispatch();
  const { submitting, problem, createdEmail } = useAppSelector(selectSignupForm);
  const [submitted, setSubmitted] = useState(false);

  useEffect(() => {
    dispatch(signupPageOpened());
  }, [dispatch]);

  const serverErrors = useMemo(
    () =>
      problem?.code === 'EMAIL_TAKEN'
        ? { ...problem.fieldErrors, email: 'An account with this email already exists.' }
        : (problem?.fieldErrors ?? undefined),
    [problem],
  );
  const form = useSchemaForm(signupRequestSchema, { name: '', email: '', password: '' }, serverErrors);

  if (submitted && createdEmail) return <Navigate to="/login" replace state={{ createdEmail }} />;

  const onSubmit = (e: FormEvent) => {
    const body = form.validate(e);
    if (!body) return;
    setSubmitted(true);
    dispatch(signupSubmitted(body));
  };

  const showGeneral = problem && problem.code !== 'EMAIL_TAKEN' && Object.keys(problem.fieldErrors).length === 0;

  return (
    <Card className="mx-auto my-4 shadow-sm auth-card">
      <Card.Body className="p-4">
        <h1 className="h3 mb-3">Create your account</h1>
        <p className="text-muted">Subscribe to fresh beans from independent roasters.</p>
        {showGeneral ? <ProblemAlert problem={problem} /> : null}
        <Form noValidate onSubmit={onSubmit} ref={form.formRef} aria-label="Sign up" data-testid="signup-form">
          <TextField formId="signup" label="Name" autoComplete="name" required error={form.errorFor('name')} {...form.bind('name')} />
          <TextField
            formId="signup"
            label="Email"
            type="email"
            autoComplete="email"
            required
            error={form.errorFor('email')}
            {...form.bind('email')}
          />
          <TextField
            formId="signup"
            label="Password"
            type="password"
            autoComplete="new-password"
            required
            help="At least 10 characters. A passphrase works well."
            error={form.errorFor('password')}
            {...form.bind('password')}
          />
          <Button type="submit" className="w-100" disabled={submitting} data-testid="signup-submit">
            {submitting ? 'Creating account…' : 'Create account'}
          </Button>
        </Form>
        <p className="mt-3 mb-0 text-center">
          Already have an account? <Link to="/login">Sign in</Link>
        </p>
      </Card.Body>
    </Card>
  );
}
