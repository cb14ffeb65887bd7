import { type LocalDate, addDays, compareDates, daysBetween, isLocalDate, laterOf } from './local-date';

/*
 * Pure billing-date rules of a subscription (issue 5; docs/subscriptions/billing-dates.md states
 * every rule with examples). Each operation takes the persisted schedule and "today" (the Seoul
 * calendar date of the clock) and returns a new schedule or a typed refusal; nothing is mutated.
 *
 * Cycle numbers: cycle 0 is the box charged at subscribe time, and every later box gets the next
 * number when it is completed, billed or skipped. A number is never reused and never jumped over,
 * so the cycles of a subscription are always exactly 0 … nextCycle − 1, each completed once: that
 * is the "none charged twice, none lost" check. Dates on which no box is due (a pause, an engine
 * outage) get no number at all; a box the subscriber skips does, and is reported as skipped.
 *
 * Cadence: the billing dates anchorDate + k × intervalWeeks weeks (k ≥ 0). nextBillingDate is
 * always one of them; skip, completion and resume keep the anchor, reschedule, an interval change
 * and resume on a picked date set a new one.
 */

/** The intervals a subscription can be billed at. */
export const INTERVAL_WEEKS = [1, 2, 4] as const;
export type IntervalWeeks = (typeof INTERVAL_WEEKS)[number];

/** A reschedule may move the next box at most this many days after its current date. */
export const MAX_RESCHEDULE_DAYS_AFTER_NEXT = 28;
/** A resume on a picked date may pick at most this many days ahead of today. */
export const MAX_RESUME_DAYS_AHEAD = 28;
/** A dated pause may end at most this many days after today (an open-ended pause has no end). */
export const MAX_PAUSE_DAYS = 365;

/**
 * The billing schedule of one subscription, persisted as plain columns (`pause` as a boolean plus
 * a nullable date).
 */
export interface BillingSchedule {
  readonly intervalWeeks: IntervalWeeks;
  /** The date the cadence counts from; billing dates are anchorDate + k intervals. */
  readonly anchorDate: LocalDate;
  /** The lowest cycle number not yet completed: every lower one is billed or skipped. */
  readonly nextCycle: number;
  /** When nextCycle is due (while paused: when it was due before the pause; resume recomputes it). */
  readonly nextBillingDate: LocalDate;
  /** The billing date of cycle nextCycle − 1 (billed or skipped): the base of an interval change. */
  readonly lastCycleDate: LocalDate;
  /** Set while paused; `until` is the day the pause ends (the first day a box can be due again). */
  readonly pause: { readonly until: LocalDate | null } | null;
}

/** Why an operation was refused; the schedule is unchanged. */
export type ScheduleRefusal =
  | 'INVALID_DATE' // a date argument is not a YYYY-MM-DD calendar date
  | 'INVALID_INTERVAL' // not 1, 2 or 4 weeks
  | 'PAUSED' // the operation needs an active schedule
  | 'NOT_PAUSED' // resume of a schedule that is not paused
  | 'CYCLE_DUE' // the next box is due (today ≥ its date): it belongs to the billing run; edit after it completes
  | 'NOT_DUE' // completing a cycle before its billing date
  | 'NOT_NEXT_CYCLE' // completing a cycle other than nextCycle (already completed, or out of order)
  | 'DATE_OUT_OF_BOUNDS'; // a picked date outside the bounds of the operation

/** A refusal with its reason. */
export interface Refused<R extends ScheduleRefusal> {
  readonly ok: false;
  readonly reason: R;
}

/** An accepted operation: the new schedule, plus what it reports. */
export type Accepted<Extra = unknown> = { readonly ok: true; readonly state: BillingSchedule } & Extra;

/** The result of an operation that may be refused for the reasons R. */
export type ScheduleResult<R extends ScheduleRefusal, Extra = unknown> = Accepted<Extra> | Refused<R>;

/** How a cycle ended: charged, or skipped (by the subscriber, for stock, or after dunning gave up). */
export type CycleOutcome = 'BILLED' | 'SKIPPED';

/** A cycle with its billing date. */
export interface DatedCycle {
  readonly cycle: number;
  readonly date: LocalDate;
}

/** Whether a value is one of the allowed intervals. */
export function isIntervalWeeks(value: unknown): value is IntervalWeeks {
  return (INTERVAL_WEEKS as readonly unknown[]).includes(value);
}

/**
 * A new schedule: cycle 0 is billed today (by the subscribe use case itself), cycle 1 is due one
 * interval later, and today is the anchor.
 */
export function startSchedule(
  today: LocalDate,
  intervalWeeks: number,
): ScheduleResult<'INVALID_DATE' | 'INVALID_INTERVAL', { firstCycle: DatedCycle }> {
  if (!isLocalDate(today)) return refuse('INVALID_DATE');
  if (!isIntervalWeeks(intervalWeeks)) return refuse('INVALID_INTERVAL');
  const state: BillingSchedule = {
    intervalWeeks,
    anchorDate: today,
    nextCycle: 1,
    nextBillingDate: addDays(today, 7 * intervalWeeks),
    lastCycleDate: today,
    pause: null,
  };
  return { ok: true, state, firstCycle: { cycle: 0, date: today } };
}

/**
 * The schedule with a dated pause that has ended by today replaced by its resumed form: the
 * pause is gone and the next box is the first cadence date on or after both `until` and the
 * date it was due before the pause. Every operation settles first; the engine may persist it.
 */
export function settlePause(state: BillingSchedule, today: LocalDate): BillingSchedule {
  assertDate(today);
  const until = state.pause?.until;
  if (!until || compareDates(until, today) > 0) return state;
  return { ...state, pause: null, nextBillingDate: cadenceOnOrAfter(state, laterOf(state.nextBillingDate, until)) };
}

/** The cycle due on or before today, with its billing date, or null (none due, or paused). */
export function dueCycle(state: BillingSchedule, today: LocalDate): DatedCycle | null {
  const s = settlePause(state, today);
  if (s.pause || compareDates(s.nextBillingDate, today) > 0) return null;
  return { cycle: s.nextCycle, date: s.nextBillingDate };
}

/**
 * Completes the due cycle `cycle` as billed or skipped. The next box is the first cadence date
 * after today: normally one interval after this one, and after an engine outage the missed dates
 * are passed over rather than charged in a burst (they never got a cycle number).
 */
export function completeCycle(
  state: BillingSchedule,
  cycle: number,
  outcome: CycleOutcome,
  today: LocalDate,
): ScheduleResult<'INVALID_DATE' | 'PAUSED' | 'NOT_NEXT_CYCLE' | 'NOT_DUE', { completed: DatedCycle & { outcome: CycleOutcome } }> {
  if (!isLocalDate(today)) return refuse('INVALID_DATE');
  const s = settlePause(state, today);
  if (s.pause) return refuse('PAUSED');
  if (cycle !== s.nextCycle) return refuse('NOT_NEXT_CYCLE');
  if (compareDates(s.nextBillingDate, today) > 0) return refuse('NOT_DUE');
  return {
    ok: true,
    state: { ...s, nextCycle: s.nextCycle + 1, nextBillingDate: cadenceOnOrAfter(s, addDays(today, 1)), lastCycleDate: s.nextBillingDate },
    completed: { cycle: s.nextCycle, date: s.nextBillingDate, outcome },
  };
}

/**
 * Skips the next box ahead of its date: its cycle number is consumed and reported (the engine
 * records it as skipped), the anchor stays, and the next box is one interval later.
 */
export function skipNext(
  state: BillingSchedule,
  today: LocalDate,
): ScheduleResult<'INVALID_DATE' | 'PAUSED' | 'CYCLE_DUE', { skipped: DatedCycle }> {
  const s = editable(state, today);
  if (!s.ok) return s;
  const { state: st } = s;
  return {
    ok: true,
    state: { ...st, nextCycle: st.nextCycle + 1, nextBillingDate: addDays(st.nextBillingDate, 7 * st.intervalWeeks), lastCycleDate: st.nextBillingDate },
    skipped: { cycle: st.nextCycle, date: st.nextBillingDate },
  };
}

/**
 * Pauses until a date (the first day boxes may be due again, tomorrow … today + MAX_PAUSE_DAYS)
 * or open-ended (`null`). Nothing is due while paused and no cycle number is consumed.
 */
export function pause(
  state: BillingSchedule,
  today: LocalDate,
  until: LocalDate | null,
): ScheduleResult<'INVALID_DATE' | 'PAUSED' | 'CYCLE_DUE' | 'DATE_OUT_OF_BOUNDS'> {
  if (until !== null && !isLocalDate(until)) return refuse('INVALID_DATE');
  const s = editable(state, today);
  if (!s.ok) return s;
  if (until !== null && !within(until, addDays(today, 1), addDays(today, MAX_PAUSE_DAYS))) return refuse('DATE_OUT_OF_BOUNDS');
  return { ok: true, state: { ...s.state, pause: { until } } };
}

/**
 * Ends a pause. Without a date the original cadence continues: the next box is the first cadence
 * date after today and not before the date it was due before the pause (the same cycle number).
 * With a date (after today and after the last cycle's date, at most MAX_RESUME_DAYS_AHEAD days
 * ahead) that date is the next box and the new anchor.
 */
export function resume(
  state: BillingSchedule,
  today: LocalDate,
  date?: LocalDate,
): ScheduleResult<'INVALID_DATE' | 'NOT_PAUSED' | 'DATE_OUT_OF_BOUNDS'> {
  if (!isLocalDate(today) || (date !== undefined && !isLocalDate(date))) return refuse('INVALID_DATE');
  const s = settlePause(state, today);
  if (!s.pause) return refuse('NOT_PAUSED');
  if (date === undefined) {
    return { ok: true, state: { ...s, pause: null, nextBillingDate: cadenceOnOrAfter(s, laterOf(s.nextBillingDate, addDays(today, 1))) } };
  }
  if (!within(date, earliestEditDate(s, today), addDays(today, MAX_RESUME_DAYS_AHEAD))) return refuse('DATE_OUT_OF_BOUNDS');
  return { ok: true, state: { ...s, pause: null, anchorDate: date, nextBillingDate: date } };
}

/**
 * Moves the next box to `date`, which becomes the new anchor. Bounds: after today and after the
 * last cycle's date, and at most MAX_RESCHEDULE_DAYS_AFTER_NEXT days after the current next date.
 */
export function reschedule(
  state: BillingSchedule,
  today: LocalDate,
  date: LocalDate,
): ScheduleResult<'INVALID_DATE' | 'PAUSED' | 'CYCLE_DUE' | 'DATE_OUT_OF_BOUNDS'> {
  if (!isLocalDate(date)) return refuse('INVALID_DATE');
  const s = editable(state, today);
  if (!s.ok) return s;
  const latest = addDays(s.state.nextBillingDate, MAX_RESCHEDULE_DAYS_AFTER_NEXT);
  if (!within(date, earliestEditDate(s.state, today), latest)) return refuse('DATE_OUT_OF_BOUNDS');
  return { ok: true, state: { ...s.state, anchorDate: date, nextBillingDate: date } };
}

/**
 * Changes the interval from the next unprocessed box on, without proration: the next box is the
 * last cycle's date plus the new interval, but not before tomorrow, and it is the new anchor.
 * The same interval changes nothing. Allowed while paused (resume then follows the new cadence).
 */
export function changeInterval(
  state: BillingSchedule,
  today: LocalDate,
  intervalWeeks: number,
): ScheduleResult<'INVALID_DATE' | 'INVALID_INTERVAL' | 'CYCLE_DUE'> {
  if (!isLocalDate(today)) return refuse('INVALID_DATE');
  if (!isIntervalWeeks(intervalWeeks)) return refuse('INVALID_INTERVAL');
  const s = settlePause(state, today);
  if (intervalWeeks === s.intervalWeeks) return { ok: true, state: s };
  if (!s.pause && compareDates(s.nextBillingDate, today) <= 0) return refuse('CYCLE_DUE');
  const next = laterOf(addDays(s.lastCycleDate, 7 * intervalWeeks), addDays(today, 1));
  return { ok: true, state: { ...s, intervalWeeks, anchorDate: next, nextBillingDate: next } };
}

/**
 * The next `count` billing dates for the preview, as they fall if nothing changes: none while
 * paused open-ended, and after a dated pause the dates from its end on.
 */
export function upcoming(state: BillingSchedule, today: LocalDate, count: number): LocalDate[] {
  const s = settlePause(state, today);
  if (s.pause && s.pause.until === null) return [];
  const first = s.pause?.until ? cadenceOnOrAfter(s, laterOf(s.nextBillingDate, s.pause.until)) : s.nextBillingDate;
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i) => addDays(first, 7 * s.intervalWeeks * i));
}

/** The first cadence date of the schedule on or after `from`. */
function cadenceOnOrAfter(s: BillingSchedule, from: LocalDate): LocalDate {
  const step = 7 * s.intervalWeeks;
  const offset = daysBetween(s.anchorDate, from);
  return offset <= 0 ? s.anchorDate : addDays(s.anchorDate, Math.ceil(offset / step) * step);
}

/** The settled schedule when the subscriber may edit it: not paused and its next box not yet due. */
function editable(
  state: BillingSchedule,
  today: LocalDate,
): { ok: true; state: BillingSchedule } | Refused<'INVALID_DATE' | 'PAUSED' | 'CYCLE_DUE'> {
  if (!isLocalDate(today)) return refuse('INVALID_DATE');
  const s = settlePause(state, today);
  if (s.pause) return refuse('PAUSED');
  if (compareDates(s.nextBillingDate, today) <= 0) return refuse('CYCLE_DUE');
  return { ok: true, state: s };
}

// A picked date must come after today and after the last cycle's date (which a skip can put in
// the future), so billing dates keep increasing with the cycle number.
function earliestEditDate(s: BillingSchedule, today: LocalDate): LocalDate {
  return addDays(laterOf(today, s.lastCycleDate), 1);
}

function within(date: LocalDate, earliest: LocalDate, latest: LocalDate): boolean {
  return compareDates(date, earliest) >= 0 && compareDates(date, latest) <= 0;
}

function assertDate(date: LocalDate): void {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
}

function refuse<R extends ScheduleRefusal>(reason: R): Refused<R> {
  return { ok: false, reason };
}
