import { loginRequestSchema } from '@roastery/contracts';
import { useEffect, type FormEvent } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Form from 'react-bootstrap/Form';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useSchemaForm } from '../../common/hooks/useSchemaForm';
import { usePageTitle } from '../../common/hooks/usePageTitle';
import { ProblemAlert } from '../../common/ui/ProblemAlert';
import { TextField } from '../../common/ui/TextField';
import { loginPageOpened, loginSubmitted, selectLoginForm, selectNotice, selectSessionStatus } from './authSlice';

interface LoginLocationState {
  from?: string;
  createdEmail?: string;
}

/** /login: sign in, then back to where the user was headed (default /me). */
export function LoginPage() {
  usePageTitle('Sign in');
  const dispatch = useAppDispatch();
  const location = useLocation();
  const { from, createdEmail } = (location.state ?? {}) as LoginLocationState;
  const status = useAppSelector(selectSessionStatus);
  const { submitting, problem } = useAppSelector(selectLoginForm);
  const notice = useAppSelector(selectNotice);
  const form = useSchemaForm(loginRequestSchema, { email: createdEmail ?? '', password: '' }, problem?.fieldErrors);

  useEffect(() => {
    dispatch(loginPageOpened());
  }, [dispatch]);

  if (status === 'authenticated') return <Navigate to={from && from.startsWith('/') ? from : '/me'} replace />;

  const onSubmit = (e: FormEvent) => {
    const body = form.validate(e);
    if (body) dispatch(loginSubmitted(body));
  };

  return (
    <Card className="mx-auto my-4 shadow-sm auth-card">
      <Card.Body className="p-4">
        <h1 className="h3 mb-3">Sign in</h1>
        {createdEmail ? (
          <Alert variant="success" data-testid="signup-success">
            Your account is ready. Sign in with your new password.
          </Alert>
        ) : null}
        {notice && !createdEmail ? <Alert variant="info">{notice}</Alert> : null}
        <ProblemAlert
          problem={problem}
          messages={{
            INVALID_CREDENTIALS: 'The email or password is not right.',
            RATE_LIMITED: 'Too many sign-in attempts.',
          }}
        />
        <Form noValidate onSubmit={onSubmit} ref={form.formRef} aria-label="Sign in" data-testid="login-form">
          <TextField
            formId="login"
            label="Email"
            type="email"
            autoComplete="username"
            required
            error={form.errorFor('email')}
            {...form.bind('email')}
          />
          <TextField
            formId="login"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            error={form.errorFor('password')}
            {...form.bind('password')}
          />
          <Button type="submit" className="w-100" disabled={submitting} data-testid="login-submit">
            {submitting ? 'Signing in…' : 'Sign in'}
          </Button>
        </Form>
        <p className="mt-3 mb-0 text-center">
          New to Roastery? <Link to="/signup">Create an account</Link>
        </p>
      </Card.Body>
    </Card>
  );
}
