import type { BillingSchedule, IntervalWeeks } from './schedule/billing-schedule.rules';
import type { Subscription } from './subscription.entity';

/** The schedule columns of a subscription as the pure rules see them. */
export function scheduleOf(s: Subscription): BillingSchedule {
  return {
    intervalWeeks: s.intervalWeeks as IntervalWeeks,
    anchorDate: s.anchorDate,
    nextCycle: s.nextCycle,
    nextBillingDate: s.nextBillingDate,
    lastCycleDate: s.lastCycleDate,
    pause: s.paused ? { until: s.pauseUntil } : null,
  };
}

/** The columns to write back for a schedule. */
export function scheduleColumns(state: BillingSchedule): Pick<Subscription, 'intervalWeeks' | 'anchorDate' | 'nextCycle' | 'nextBillingDate' | 'lastCycleDate' | 'paused' | 'pauseUntil'> {
  return {
    intervalWeeks: state.intervalWeeks,
    anchorDate: state.anchorDate,
    nextCycle: state.nextCycle,
    nextBillingDate: state.nextBillingDate,
    lastCycleDate: state.lastCycleDate,
    paused: state.pause !== null,
    pauseUntil: state.pause?.until ?? null,
  };
}
