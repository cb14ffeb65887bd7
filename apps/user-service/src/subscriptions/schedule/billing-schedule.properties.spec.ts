import fc from 'fast-check';
import {
  type BillingSchedule,
  type CycleOutcome,
  changeInterval,
  completeCycle,
  dueCycle,
  pause,
  reschedule,
  resume,
  settlePause,
  skipNext,
  startSchedule,
  upcoming,
} from './billing-schedule.rules';
import { addDays, compareDates, daysBetween, fromDayNumber, laterOf, toDayNumber } from './local-date';

/*
 * Property tests: long random sequences of subscriber edits and billing runs on increasing days.
 * The ledger records every completed cycle (billed or skipped, whoever skipped it); the schedule
 * must keep it exactly 0, 1, 2 … in order with strictly increasing dates.
 */

type Op =
  | { kind: 'wait'; days: number } // time passes without a billing run (an engine outage)
  | { kind: 'daily'; days: number; outcome: CycleOutcome } // the engine runs every day
  | { kind: 'run'; outcome: CycleOutcome }
  | { kind: 'replay'; delta: number } // an engine instance completes a stale or future cycle number
  | { kind: 'skip' }
  | { kind: 'pause'; until: number | null } // days after today; some out of bounds
  | { kind: 'resume'; at: number | null }
  | { kind: 'reschedule'; at: number }
  | { kind: 'interval'; weeks: number };

const outcomeArb = fc.constantFrom<CycleOutcome>('BILLED', 'BILLED', 'SKIPPED');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('daily' as const), days: fc.integer({ min: 1, max: 30 }), outcome: outcomeArb }),
  fc.record({ kind: fc.constant('run' as const), outcome: outcomeArb }),
  fc.record({ kind: fc.constant('replay' as const), delta: fc.integer({ min: -2, max: 1 }) }),
  fc.record({ kind: fc.constant('skip' as const) }),
  fc.record({ kind: fc.constant('pause' as const), until: fc.option(fc.integer({ min: -2, max: 400 })) }),
  fc.record({ kind: fc.constant('resume' as const), at: fc.option(fc.integer({ min: -2, max: 35 })) }),
  fc.record({ kind: fc.constant('reschedule' as const), at: fc.integer({ min: -2, max: 70 }) }),
  fc.record({ kind: fc.constant('interval' as const), weeks: fc.integer({ min: 0, max: 5 }) }),
);

const startArb = fc.oneof(
  fc.constantFrom('2028-02-29', '2028-02-28', '2027-02-28', '2028-01-31', '2027-12-31', '2028-12-31', '2027-11-30'),
  fc.integer({ min: toDayNumber('2027-01-01'), max: toDayNumber('2029-12-31') }).map(fromDayNumber),
);

interface LedgerEntry {
  cycle: number;
  date: string;
  outcome: CycleOutcome;
  completedOn: string;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

class Simulation {
  today: string;
  state: BillingSchedule;
  readonly ledger: LedgerEntry[] = [];

  constructor(start: string, intervalWeeks: number) {
    const r = startSchedule(start, intervalWeeks);
    if (!r.ok) throw new Error(r.reason);
    this.today = start;
    this.state = deepFreeze(r.state);
    this.ledger.push({ ...r.firstCycle, outcome: 'BILLED', completedOn: start });
  }

  apply(op: Op): void {
    const before = this.state;
    const today = this.today;
    switch (op.kind) {
      case 'wait':
        this.today = addDays(today, op.days);
        return;
      case 'daily':
        for (let i = 0; i < op.days; i++) {
          this.today = addDays(this.today, 1);
          this.billingRun(op.outcome);
        }
        return;
      case 'run':
        return this.billingRun(op.outcome);
      case 'replay': {
        const r = completeCycle(before, before.nextCycle + op.delta, 'BILLED', today);
        if (r.ok) {
          expect(op.delta).toBe(0);
          expect(dueCycle(before, today)).toEqual({ cycle: r.completed.cycle, date: r.completed.date });
          this.record(r.state, r.completed);
        }
        return;
      }
      case 'skip': {
        const r = skipNext(before, today);
        if (!r.ok) return;
        const settled = settlePause(before, today);
        expect(r.skipped).toEqual({ cycle: settled.nextCycle, date: settled.nextBillingDate });
        expect(r.state.anchorDate).toBe(settled.anchorDate);
        expect(r.state.nextBillingDate).toBe(addDays(settled.nextBillingDate, 7 * settled.intervalWeeks));
        this.record(r.state, { ...r.skipped, outcome: 'SKIPPED' });
        return this.afterEdit();
      }
      case 'pause': {
        const until = op.until === null ? null : addDays(today, op.until);
        const r = pause(before, today, until);
        if (!r.ok) return;
        expect(r.state.pause).toEqual({ until });
        expect(r.state.nextCycle).toBe(before.nextCycle);
        this.state = deepFreeze(r.state);
        expect(dueCycle(this.state, today)).toBeNull();
        return;
      }
      case 'resume': {
        const at = op.at === null ? undefined : addDays(today, op.at);
        const settled = settlePause(before, today);
        const r = resume(before, today, at);
        if (!r.ok) return;
        expect(r.state.nextCycle).toBe(before.nextCycle);
        if (at === undefined) {
          // the original cadence, and never earlier than before the pause
          expect(r.state.anchorDate).toBe(settled.anchorDate);
          const gap = daysBetween(laterOf(settled.nextBillingDate, addDays(today, 1)), r.state.nextBillingDate);
          expect(gap >= 0 && gap < 7 * r.state.intervalWeeks).toBe(true);
        } else {
          expect(r.state.nextBillingDate).toBe(at);
          expect(daysBetween(today, at)).toBeLessThanOrEqual(28);
        }
        this.state = deepFreeze(r.state);
        return this.afterEdit();
      }
      case 'reschedule': {
        const at = addDays(today, op.at);
        const r = reschedule(before, today, at);
        if (!r.ok) return;
        expect(r.state).toMatchObject({ nextBillingDate: at, anchorDate: at, nextCycle: before.nextCycle });
        expect(daysBetween(settlePause(before, today).nextBillingDate, at)).toBeLessThanOrEqual(28);
        this.state = deepFreeze(r.state);
        return this.afterEdit();
      }
      case 'interval': {
        const r = changeInterval(before, today, op.weeks);
        if (!r.ok) return;
        expect([1, 2, 4]).toContain(op.weeks);
        expect(r.state.intervalWeeks).toBe(op.weeks);
        expect(r.state.nextCycle).toBe(before.nextCycle);
        this.state = deepFreeze(r.state);
        if (op.weeks === before.intervalWeeks) return expect(r.state).toEqual(settlePause(before, today)); // nothing changes
        expect(r.state.nextBillingDate).toBe(laterOf(addDays(before.lastCycleDate, 7 * op.weeks), addDays(today, 1)));
        return this.afterEdit();
      }
    }
  }

  /** One run of the engine on `today`: completes the due cycle, if any, exactly once. */
  billingRun(outcome: CycleOutcome): void {
    const due = dueCycle(this.state, this.today);
    if (!due) {
      for (const cycle of [this.state.nextCycle - 1, this.state.nextCycle]) {
        expect(completeCycle(this.state, cycle, outcome, this.today).ok).toBe(false);
      }
      return;
    }
    expect(due.cycle).toBe(this.state.nextCycle);
    const r = completeCycle(this.state, due.cycle, outcome, this.today);
    if (!r.ok) throw new Error(`a due cycle was refused: ${r.reason}`);
    expect(r.completed).toEqual({ ...due, outcome });
    this.record(r.state, r.completed);
    // a second engine instance, or a redelivered message, cannot complete it again
    expect(completeCycle(this.state, due.cycle, outcome, this.today)).toEqual({ ok: false, reason: 'NOT_NEXT_CYCLE' });
    expect(dueCycle(this.state, this.today)).toBeNull();
  }

  record(state: BillingSchedule, completed: { cycle: number; date: string; outcome: CycleOutcome }): void {
    this.ledger.push({ ...completed, completedOn: this.today });
    this.state = deepFreeze(state);
  }

  /** After a subscriber's edit the next box is never due today or earlier. */
  afterEdit(): void {
    expect(compareDates(this.state.nextBillingDate, this.today)).toBe(1);
  }

  checkInvariants(): void {
    const s = this.state;
    const step = 7 * s.intervalWeeks;
    // every cycle number completed exactly once, in order: none twice, none lost
    expect(this.ledger.every((e, i) => e.cycle === i)).toBe(true);
    expect(s.nextCycle).toBe(this.ledger.length);
    // billing dates strictly increase with the cycle number; none billed before its date
    expect(this.ledger.every((e, i) => i === 0 || compareDates(this.ledger[i - 1].date, e.date) < 0)).toBe(true);
    expect(this.ledger.every((e) => e.outcome === 'SKIPPED' || compareDates(e.date, e.completedOn) <= 0)).toBe(true);
    expect(s.lastCycleDate).toBe(this.ledger[this.ledger.length - 1].date);
    expect(compareDates(s.nextBillingDate, s.lastCycleDate)).toBe(1);
    // the next date is on the cadence
    const sinceAnchor = daysBetween(s.anchorDate, s.nextBillingDate);
    expect(sinceAnchor).toBeGreaterThanOrEqual(0);
    expect(sinceAnchor % step).toBe(0);
    // nothing is due while paused
    const pausedToday = s.pause !== null && (s.pause.until === null || compareDates(this.today, s.pause.until) < 0);
    if (pausedToday) expect(dueCycle(s, this.today)).toBeNull();
    // the preview: the dates the boxes will fall on, one interval apart
    const preview = upcoming(s, this.today, 4);
    if (s.pause?.until === null) expect(preview).toEqual([]);
    else {
      expect(preview).toHaveLength(4);
      for (let i = 1; i < preview.length; i++) expect(daysBetween(preview[i - 1], preview[i])).toBe(step);
      const settled = settlePause(s, this.today);
      if (!settled.pause) expect(preview[0]).toBe(settled.nextBillingDate);
      else expect(preview[0]).toBe(settlePause(s, preview[0]).nextBillingDate);
    }
  }
}

describe('billing schedule properties', () => {
  it('completes every cycle exactly once, in order, with increasing dates, through long random edit sequences', () => {
    fc.assert(
      fc.property(startArb, fc.constantFrom(1, 2, 4), fc.array(opArb, { minLength: 1, maxLength: 200 }), (start, weeks, ops) => {
        const sim = new Simulation(start, weeks);
        for (const op of ops) {
          sim.apply(op);
          sim.checkInvariants();
        }
        // and the schedule never gets stuck: resumed and billed daily, the next cycle number comes on its date
        const resumed = resume(sim.state, sim.today);
        if (resumed.ok) sim.state = deepFreeze(resumed.state);
        const active = settlePause(sim.state, sim.today);
        expect(active.pause).toBeNull();
        const cycles = sim.ledger.length;
        const wait = Math.max(1, daysBetween(sim.today, active.nextBillingDate));
        sim.apply({ kind: 'daily', days: wait, outcome: 'BILLED' });
        sim.checkInvariants();
        expect(sim.ledger.length).toBeGreaterThan(cycles);
        expect(sim.ledger[cycles].cycle).toBe(cycles);
      }),
      { numRuns: 300 },
    );
  });

  it('never makes a cycle due while paused, day by day, and resumes on the original cadence', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.constantFrom<1 | 2 | 4>(1, 2, 4),
        fc.integer({ min: 1, max: 27 }),
        fc.option(fc.integer({ min: 1, max: 365 })),
        fc.integer({ min: 1, max: 400 }),
        (start, weeks, pauseAfter, untilIn, resumeAfter) => {
          const started = startSchedule(start, weeks);
          if (!started.ok) throw new Error(started.reason);
          const pauseDay = addDays(start, pauseAfter % (7 * weeks) || 1);
          const paused = pause(started.state, pauseDay, untilIn === null ? null : addDays(pauseDay, untilIn));
          if (!paused.ok) throw new Error(paused.reason);
          let day = pauseDay;
          for (let i = 0; i < resumeAfter; i++) {
            day = addDays(day, 1);
            const due = dueCycle(paused.state, day);
            const until = paused.state.pause?.until;
            if (!until || compareDates(day, until) < 0) expect(due).toBeNull();
            else if (due) {
              expect(due.cycle).toBe(1);
              expect(daysBetween(start, due.date) % (7 * weeks)).toBe(0);
              expect(compareDates(due.date, until)).toBeGreaterThanOrEqual(0);
            }
          }
          const resumed = resume(paused.state, day);
          const state = resumed.ok ? resumed.state : settlePause(paused.state, day);
          expect(state.pause).toBeNull();
          expect(state.nextCycle).toBe(1);
          expect(daysBetween(start, state.nextBillingDate) % (7 * weeks)).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
