import type { z } from 'zod';

/**
 * Field-keyed messages from a failed zod parse, the same schema the server validates with.
 * Zod's generic wording is replaced where a person would say it differently.
 */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (key in out) continue;
    out[key] = friendlyMessage(issue);
  }
  return out;
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return 'Required';
      if (issue.origin === 'string') return `Must be at least ${String(issue.minimum)} characters`;
      break;
    case 'too_big':
      if (issue.origin === 'string') return `Must be at most ${String(issue.maximum)} characters`;
      break;
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter a valid email address';
      break;
    case 'invalid_type':
      return 'Required';
    default:
      break;
  }
  return sentenceCase(issue.message);
}

/** Server and schema messages are lower-case fragments ("checksum does not match"). */
export function sentenceCase(message: string): string {
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : message;
}
