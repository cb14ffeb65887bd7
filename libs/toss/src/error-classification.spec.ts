import { classifyTossError, isKnownTossErrorCode } from './error-classification';

describe('classifyTossError', () => {
  it.each([
    ['INVALID_STOPPED_CARD', 400, 'hard_decline'],
    ['INVALID_CARD_EXPIRATION', 400, 'hard_decline'],
    ['NOT_FOUND_BILLING', 404, 'hard_decline'],
    ['REJECT_CARD_PAYMENT', 403, 'soft_decline'],
    ['EXCEED_MAX_DAILY_PAYMENT_COUNT', 400, 'soft_decline'],
    ['PROVIDER_ERROR', 400, 'transient'],
    ['FORBIDDEN_CONSECUTIVE_REQUEST', 403, 'transient'],
    ['NOT_MATCHES_CUSTOMER_KEY', 400, 'bug'],
    ['INVALID_ORDER_ID', 400, 'bug'],
    ['UNAUTHORIZED_KEY', 401, 'bug'],
    ['IDEMPOTENT_REQUEST_PROCESSING', 409, 'outcome_unknown'],
    ['DUPLICATED_ORDER_ID', 400, 'outcome_unknown'],
  ] as const)('%s (HTTP %i) is %s, by code not status', (code, status, expected) => {
    expect(classifyTossError(code, status, true)).toBe(expected);
  });

  it('a server failure is an unknown outcome for a mutation but transient for a read', () => {
    expect(classifyTossError('FAILED_INTERNAL_SYSTEM_PROCESSING', 500, true)).toBe('outcome_unknown');
    expect(classifyTossError('FAILED_INTERNAL_SYSTEM_PROCESSING', 500, false)).toBe('transient');
  });

  it('unknown codes fall back on the status and are reported as unknown', () => {
    expect(isKnownTossErrorCode('BRAND_NEW_CODE')).toBe(false);
    expect(classifyTossError('BRAND_NEW_CODE', 403, true)).toBe('soft_decline');
    expect(classifyTossError('BRAND_NEW_CODE', 503, true)).toBe('outcome_unknown');
    expect(classifyTossError('TOO_MANY_REQUESTS', 429, true)).toBe('transient');
    expect(classifyTossError('HTTP_409', 409, true)).toBe('outcome_unknown');
  });
});
