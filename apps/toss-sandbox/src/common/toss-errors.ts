/**
 * The Toss error catalogue the sandbox answers with (TOSS.md §4, §5, §6): HTTP status and the
 * Korean message. Also the set of codes `TossPayments-Test-Code` may force.
 */
export const TOSS_ERRORS = {
  // Billing charge and issue declines.
  INVALID_STOPPED_CARD: [400, '정지된 카드 입니다.'],
  INVALID_REJECT_CARD: [400, '카드 사용이 거절되었습니다. 카드사 문의가 필요합니다.'],
  INVALID_CARD_EXPIRATION: [400, '카드 정보를 다시 확인해주세요. (유효기간)'],
  INVALID_CARD_NUMBER: [400, '카드번호를 다시 확인해주세요.'],
  INVALID_CARD_LOST_OR_STOLEN: [400, '분실 혹은 도난 카드입니다.'],
  INVALID_BILL_KEY_REQUEST: [400, '빌링 인증이 완료되지 않았거나 유효하지 않은 빌링키입니다.'],
  NOT_SUPPORTED_CARD_TYPE: [400, '지원되지 않는 카드 종류입니다.'],
  INVALID_CARD_INSTALLMENT_PLAN: [400, '할부 개월 정보가 잘못되었습니다.'],
  NOT_REGISTERED_CARD_COMPANY: [400, '카드를 사용 등록 후 이용해주세요.'],
  DUPLICATED_ORDER_ID: [400, '이미 승인 및 취소가 진행된 중복된 주문번호 입니다. 다른 주문번호로 진행해주세요.'],
  NOT_MATCHES_CUSTOMER_KEY: [400, '빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다.'],
  INVALID_REQUEST: [400, '잘못된 요청입니다.'],
  BELOW_MINIMUM_AMOUNT: [400, '신용카드는 결제금액이 100원 이상, 계좌는 200원이상부터 결제가 가능합니다.'],
  EXCEED_MAX_DAILY_PAYMENT_COUNT: [400, '하루 결제 가능 횟수를 초과했습니다.'],
  EXCEED_MAX_PAYMENT_AMOUNT: [400, '하루 결제 가능 금액을 초과했습니다.'],
  PROVIDER_ERROR: [400, '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.'],
  ALREADY_PROCESSED_PAYMENT: [400, '이미 처리된 결제 입니다.'],
  INVALID_CARD_IDENTITY: [400, '주민번호 혹은 사업자등록번호를 다시 확인해주세요.'],
  INVALID_CARD_PASSWORD: [400, '카드 정보를 다시 확인해주세요. (비밀번호)'],
  INVALID_CUSTOMER_KEY: [400, '고객키는 영문 대소문자, 숫자, 특수문자(-, _, =, ., @)로 2자 이상 300자 이하여야 합니다.'],
  NOT_SUPPORTED_METHOD: [400, '지원되지 않는 결제수단입니다.'],
  INVALID_API_KEY: [400, '잘못된 시크릿키 연동 정보 입니다.'],
  INVALID_IDEMPOTENCY_KEY: [400, '멱등키는 300자 이하여야 합니다.'],
  INVALID_ORDER_ID: [400, 'orderId는 영문 대소문자, 숫자, 특수문자(-, _)만 허용합니다. 6자 이상 64자 이하여야 합니다.'],
  INVALID_ORDER_NAME: [400, '주문명은 100자 이하여야 합니다.'],
  INVALID_DATE: [400, '날짜 데이터가 잘못 되었습니다.'],
  INVALID_TEST_CODE: [400, '테스트 코드가 잘못 되었습니다.'],
  DUPLICATED_REQUEST: [400, '중복된 요청입니다.'],
  MAINTAINED_METHOD: [400, '결제수단 점검 중입니다.'],
  // Cancels.
  ALREADY_CANCELED_PAYMENT: [400, '이미 취소된 결제 입니다.'],
  NOT_MATCHES_REFUNDABLE_AMOUNT: [400, '잔액 결과가 일치하지 않습니다.'],
  NOT_CANCELABLE_AMOUNT: [403, '취소 할 수 없는 금액 입니다.'],
  NOT_CANCELABLE_PAYMENT: [403, '취소 할 수 없는 결제 입니다.'],
  NOT_ALLOWED_PARTIAL_REFUND: [403, '에스크로 주문, 현금 카드 결제일 때는 부분 환불을 할 수 없습니다.'],
  FORBIDDEN_CONSECUTIVE_REQUEST: [403, '반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요.'],
  // Auth and forbidden.
  UNAUTHORIZED_KEY: [401, '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.'],
  REJECT_CARD_PAYMENT: [403, '한도초과 혹은 잔액부족으로 결제에 실패했습니다.'],
  REJECT_CARD_COMPANY: [403, '결제 승인이 거절되었습니다.'],
  REJECT_ACCOUNT_PAYMENT: [403, '잔액부족으로 결제에 실패했습니다.'],
  EXCEED_MAX_AUTH_COUNT: [403, '최대 인증 횟수를 초과했습니다. 카드사로 문의해주세요.'],
  EXCEED_MAX_ONE_DAY_AMOUNT: [403, '일일 한도를 초과했습니다.'],
  FORBIDDEN_REQUEST: [403, '허용되지 않은 요청입니다.'],
  FDS_ERROR: [403, '[토스페이먼츠] 위험거래가 감지되어 결제가 제한됩니다.'],
  INCORRECT_BASIC_AUTH_FORMAT: [403, '잘못된 요청입니다. \':\' 를 포함해 인코딩해주세요.'],
  // Not found, conflicts, throttling.
  NOT_FOUND_BILLING: [404, '존재하지 않는 빌링 정보 입니다.'],
  NOT_FOUND_PAYMENT: [404, '존재하지 않는 결제 정보 입니다.'],
  NOT_FOUND: [404, '존재하지 않는 정보 입니다.'],
  IDEMPOTENT_REQUEST_PROCESSING: [409, '이전 멱등 요청이 처리중입니다.'],
  TOO_MANY_REQUESTS: [429, '요청이 너무 많습니다. 잠시 후 다시 시도해주세요.'],
  // Server side.
  FAILED_INTERNAL_SYSTEM_PROCESSING: [500, '내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.'],
  FAILED_CARD_COMPANY_RESPONSE: [500, '카드사에서 에러가 발생했습니다. 잠시 후 다시 시도해 주세요.'],
  FAILED_DB_PROCESSING: [500, '잘못된 요청 값으로 처리 중 DB 에러가 발생했습니다.'],
  FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING: [500, '결제가 완료되지 않았어요. 다시 시도해주세요.'],
  UNKNOWN_PAYMENT_ERROR: [500, '결제에 실패했어요. 같은 문제가 반복된다면 은행이나 카드사로 문의해주세요.'],
  COMMON_ERROR: [500, '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.'],
  FAILED_BILL_KEY_AUTH_CREATION: [500, '빌링키 인증 생성에 실패했습니다. 잠시 후 다시 시도해주세요.'],
} as const satisfies Record<string, readonly [number, string]>;

/** A code of the sandbox's catalogue. */
export type TossErrorCode = keyof typeof TOSS_ERRORS;

/** True when the code is in the catalogue (used to validate test codes and fault settings). */
export function isTossErrorCode(code: string): code is TossErrorCode {
  return Object.prototype.hasOwnProperty.call(TOSS_ERRORS, code);
}

/** A Toss-shaped error response `{code, message}` with its HTTP status; the exception filter sends it. */
export class TossApiException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The response body Toss sends. */
  get body(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Builds the catalogue error for a code, optionally with a more specific message. */
export function tossError(code: TossErrorCode, message?: string): TossApiException {
  const [status, defaultMessage] = TOSS_ERRORS[code];
  return new TossApiException(status, code, message ?? defaultMessage);
}
