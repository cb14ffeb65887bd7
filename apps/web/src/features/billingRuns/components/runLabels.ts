import type { BillingRunCounts } from '@roastery/contracts';
import type { BillingRunStatus } from '../billingRunsApi';

/** How each status reads, and its badge colour. */
export const RUN_STATUS: Record<BillingRunStatus, { label: string; bg: string }> = {
  REQUESTED: { label: '요청됨', bg: 'secondary' },
  RUNNING: { label: '진행 중', bg: 'primary' },
  COMPLETED: { label: '완료', bg: 'success' },
  FAILED: { label: '실패', bg: 'danger' },
};

/** The counters in the order the page shows them, with what each means (ADR 0015). */
export const RUN_COUNTS: { key: keyof BillingRunCounts; label: string; hint: string }[] = [
  { key: 'claimed', label: '청구 대상', hint: '이번 실행이 맡은 도래 주기' },
  { key: 'ordersPlaced', label: '주문 생성', hint: '주기에서 만든 정기 주문' },
  { key: 'charged', label: '결제 완료', hint: '승인된 결제' },
  { key: 'declined', label: '결제 거절', hint: '거절된 결제 (재시도 대상)' },
  { key: 'skippedForStock', label: '재고 부족', hint: '재고가 없어 결제하지 않은 주문' },
  { key: 'pending', label: '결과 대기', hint: '결과가 아직 확정되지 않은 결제' },
];
