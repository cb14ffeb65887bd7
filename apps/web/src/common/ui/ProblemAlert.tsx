import Alert from 'react-bootstrap/Alert';
import type { Problem } from '../problem';

interface ProblemAlertProps {
  problem: Problem | null;
  /** Replaces the server's message for codes the page words better itself. */
  messages?: Partial<Record<Problem['code'], string>>;
  onRetry?: () => void;
  testId?: string;
}

/** The form- or page-level part of an error; field messages are shown beside their inputs. */
export function ProblemAlert({ problem, messages, onRetry, testId = 'problem' }: ProblemAlertProps) {
  if (!problem) return null;
  let text = messages?.[problem.code] ?? problem.message;
  if (problem.code === 'RATE_LIMITED' && problem.retryAfterSeconds !== null) {
    text = `${text} Try again in ${problem.retryAfterSeconds} seconds.`;
  }
  return (
    <Alert variant="danger" data-testid={testId} data-code={problem.code} role="alert">
      {text}
      {onRetry ? (
        <button type="button" className="btn btn-link alert-link p-0 ms-2 align-baseline" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </Alert>
  );
}
