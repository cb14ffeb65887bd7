import { ApiException } from '@roastery/http';
import { TossApiError, TossError } from '@roastery/toss';

/**
 * Turns a Toss failure into the API's answer when no retry logic sits in between (card
 * registration, deletion by hand). Toss being unreachable or slow is ours to report as 503 with a
 * Retry-After, never as the card's fault; Toss refusing the request is the caller's 422.
 */
export function tossFailureToApi(error: unknown, refusedCode: 'CARD_REGISTRATION_FAILED' | 'PAYMENT_DECLINED'): unknown {
  if (!(error instanceof TossError)) return error;
  if (error.category === 'outcome_unknown' || error.category === 'transient') {
    return new ApiException(503, 'PAYMENT_PROVIDER_UNAVAILABLE', 'the payment provider did not answer in time; try again', { retryable: true }, { 'Retry-After': '5' });
  }
  if (error instanceof TossApiError) {
    return new ApiException(422, refusedCode, error.tossMessage || 'the payment provider refused the request', { providerCode: error.code, category: error.category });
  }
  return error;
}
