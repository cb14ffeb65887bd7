import {
  type BillingSchedule,
  type ScheduleRefusal,
  type ScheduleResult,
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

/** The accepted result, failing the test with the reason otherwise. */
function accepted<R extends ScheduleRefusal, E>(result: ScheduleResult<R, E>) {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

function started(today: string, intervalWeeks: 1 | 2 | 4): BillingSchedule {
  return Object.freeze(accepted(startSchedule(today, intervalWeeks)).state);
}

const schedule = (s: Partial<BillingSchedule>): BillingSchedule =>
  Object.freeze({ intervalWeeks: 2, anchorDate: '2028-01-01', nextCycle: 3, nextBillingDate: '2028-02-12', lastCycleDate: '2028-01-29', pause: null, ...s });

describe('startSchedule', () => {
  it('bills cycle 0 today and makes cycle 1 due one interval later, across month and year ends and Feb 29', () => {
    const s = accepted(startSchedule('2028-02-15', 2));
    expect(s.firstCycle).toEqual({ cycle: 0, date: '2028-02-15' });
    expect(s.state).toEqual({ intervalWeeks: 2, anchorDate: '2028-02-15', nextCycle: 1, nextBillingDate: '2028-02-29', lastCycleDate: '2028-02-15', pause: null });
    expect(started('2027-12-25', 1).nextBillingDate).toBe('2028-01-01');
    expect(started('2027-01-31', 4).nextBillingDate).toBe('2027-02-28');
    expect(started('2028-01-31', 4).nextBillingDate).toBe('2028-02-28');
  });

  it('refuses an interval other than 1, 2 or 4 weeks and a non-date', () => {
    expect(startSchedule('2028-01-01', 3)).toEqual({ ok: false, reason: 'INVALID_INTERVAL' });
    expect(startSchedule('2028-01-01', 0)).toEqual({ ok: false, reason: 'INVALID_INTERVAL' });
    expect(startSchedule('2027-02-29', 1)).toEqual({ ok: false, reason: 'INVALID_DATE' });
  });
});

describe('dueCycle and completeCycle', () => {
  const s = started('2028-02-01', 4); // cycle 1 due 2028-02-29

  it('makes the next cycle due on its date and after it, never before', () => {
    expect(dueCycle(s, '2028-02-28')).toBeNull();
    expect(dueCycle(s, '2028-02-29')).toEqual({ cycle: 1, date: '2028-02-29' });
    expect(dueCycle(s, '2028-03-05')).toEqual({ cycle: 1, date: '2028-02-29' });
  });

  it('advances one interval on the cadence after a billed or skipped cycle', () => {
    const billed = accepted(completeCycle(s, 1, 'BILLED', '2028-02-29'));
    expect(billed.completed).toEqual({ cycle: 1, date: '2028-02-29', outcome: 'BILLED' });
    expect(billed.state).toMatchObject({ nextCycle: 2, nextBillingDate: '2028-03-28', lastCycleDate: '2028-02-29', anchorDate: '2028-02-01' });
    // dunning gave up three days later: the next box still follows the cadence
    const skipped = accepted(completeCycle(s, 1, 'SKIPPED', '2028-03-03'));
    expect(skipped.state.nextBillingDate).toBe('2028-03-28');
    expect(skipped.completed.date).toBe('2028-02-29');
  });

  it('passes over cadence dates missed during an engine outage instead of charging them in a burst', () => {
    const late = accepted(completeCycle(s, 1, 'BILLED', '2028-04-10'));
    expect(late.state).toMatchObject({ nextCycle: 2, nextBillingDate: '2028-04-25' });
  });

  it('refuses a cycle that is not the next one, so no cycle completes twice, and a cycle not yet due', () => {
    const once = accepted(completeCycle(s, 1, 'BILLED', '2028-02-29')).state;
    expect(completeCycle(once, 1, 'BILLED', '2028-03-28')).toEqual({ ok: false, reason: 'NOT_NEXT_CYCLE' });
    expect(completeCycle(once, 3, 'BILLED', '2028-03-28')).toEqual({ ok: false, reason: 'NOT_NEXT_CYCLE' });
    expect(completeCycle(once, 2, 'BILLED', '2028-03-27')).toEqual({ ok: false, reason: 'NOT_DUE' });
    expect(completeCycle(once, 2, 'BILLED', '2028-13-01')).toEqual({ ok: false, reason: 'INVALID_DATE' });
  });
});

describe('skipNext', () => {
  it('consumes and reports the next cycle and keeps the anchor; the box after it is one interval later', () => {
    const s = started('2027-12-04', 2); // next 2027-12-18
    const r = accepted(skipNext(s, '2027-12-10'));
    expect(r.skipped).toEqual({ cycle: 1, date: '2027-12-18' });
    expect(r.state).toMatchObject({ nextCycle: 2, nextBillingDate: '2028-01-01', lastCycleDate: '2027-12-18', anchorDate: '2027-12-04' });
    const again = accepted(skipNext(r.state, '2027-12-10'));
    expect(again.skipped).toEqual({ cycle: 2, date: '2028-01-01' });
    expect(again.state.nextBillingDate).toBe('2028-01-15');
  });

  it('refuses on or after the billing date (the box is in the billing run) and while paused', () => {
    const s = started('2028-02-15', 2); // next 2028-02-29
    expect(skipNext(s, '2028-02-29')).toEqual({ ok: false, reason: 'CYCLE_DUE' });
    const paused = accepted(pause(s, '2028-02-20', null)).state;
    expect(skipNext(paused, '2028-02-21')).toEqual({ ok: false, reason: 'PAUSED' });
  });
});

describe('pause and resume', () => {
  const s = started('2028-01-04', 1); // Tuesdays; next 2028-01-11

  it('makes nothing due while paused, open-ended or until a date', () => {
    const open = accepted(pause(s, '2028-01-05', null)).state;
    expect(open.pause).toEqual({ until: null });
    expect(dueCycle(open, '2028-06-01')).toBeNull();
    expect(upcoming(open, '2028-01-05', 3)).toEqual([]);
    expect(completeCycle(open, 1, 'BILLED', '2028-01-11')).toEqual({ ok: false, reason: 'PAUSED' });
    const dated = accepted(pause(s, '2028-01-05', '2028-02-01')).state;
    expect(dueCycle(dated, '2028-01-31')).toBeNull();
  });

  it('ends a dated pause on its `until` day, on the original cadence, with the same cycle number', () => {
    const dated = accepted(pause(s, '2028-01-05', '2028-01-30')).state; // a Sunday
    expect(upcoming(dated, '2028-01-05', 2)).toEqual(['2028-02-01', '2028-02-08']);
    expect(dueCycle(dated, '2028-01-31')).toBeNull();
    expect(dueCycle(dated, '2028-02-01')).toEqual({ cycle: 1, date: '2028-02-01' });
    expect(settlePause(dated, '2028-01-30')).toMatchObject({ pause: null, nextBillingDate: '2028-02-01', nextCycle: 1, anchorDate: '2028-01-04' });
    // `until` on a cadence date: that box is due on it
    const onCadence = accepted(pause(s, '2028-01-05', '2028-01-25')).state;
    expect(dueCycle(onCadence, '2028-01-25')).toEqual({ cycle: 1, date: '2028-01-25' });
  });

  it('never brings a box earlier than it was due before the pause', () => {
    const rescheduled = accepted(reschedule(s, '2028-01-05', '2028-01-20')).state; // Thursdays from 01-20
    const p = accepted(pause(rescheduled, '2028-01-06', '2028-01-08')).state;
    expect(settlePause(p, '2028-01-08').nextBillingDate).toBe('2028-01-20');
  });

  it('resumes without a date on the first cadence date after today', () => {
    const open = accepted(pause(s, '2028-01-05', null)).state;
    expect(accepted(resume(open, '2028-02-29', undefined)).state).toMatchObject({ pause: null, nextCycle: 1, nextBillingDate: '2028-03-07' });
    // on a cadence day itself the box is the following week: an edit never makes a box due today
    expect(accepted(resume(open, '2028-02-22')).state.nextBillingDate).toBe('2028-02-29');
    // early resume: not before the pre-pause date
    expect(accepted(resume(open, '2028-01-06')).state.nextBillingDate).toBe('2028-01-11');
  });

  it('resumes on a picked date, which becomes the new anchor', () => {
    const open = accepted(pause(s, '2028-01-05', null)).state;
    const r = accepted(resume(open, '2028-12-20', '2029-01-02')).state;
    expect(r).toMatchObject({ pause: null, anchorDate: '2029-01-02', nextBillingDate: '2029-01-02', nextCycle: 1 });
    expect(resume(open, '2028-12-20', '2028-12-20')).toEqual({ ok: false, reason: 'DATE_OUT_OF_BOUNDS' });
    expect(resume(open, '2028-12-20', '2029-01-18')).toEqual({ ok: false, reason: 'DATE_OUT_OF_BOUNDS' });
    expect(accepted(resume(open, '2028-12-20', '2029-01-17')).state.nextBillingDate).toBe('2029-01-17');
    expect(resume(open, '2028-12-20', '2029-02-30')).toEqual({ ok: false, reason: 'INVALID_DATE' });
  });

  it('refuses what the state forbids: resume when active, pause twice or on a billing day, pause dates out of bounds', () => {
    expect(resume(s, '2028-01-05')).toEqual({ ok: false, reason: 'NOT_PAUSED' });
    const open = accepted(pause(s, '2028-01-05', null)).state;
    expect(pause(open, '2028-01-06', '2028-02-01')).toEqual({ ok: false, reason: 'PAUSED' });
    expect(pause(s, '2028-01-11', null)).toEqual({ ok: false, reason: 'CYCLE_DUE' });
    expect(pause(s, '2028-01-05', '2028-01-05')).toEqual({ ok: false, reason: 'DATE_OUT_OF_BOUNDS' });
    expect(pause(s, '2028-01-05', '2029-01-05')).toEqual({ ok: false, reason: 'DATE_OUT_OF_BOUNDS' }); // 366 days
    expect(accepted(pause(s, '2028-01-05', '2029-01-04')).state.pause).toEqual({ until: '2029-01-04' });
    expect(pause(s, '2028-01-05', '2028-02-30')).toEqual({ ok: false, reason: 'INVALID_DATE' });
    // a dated pause that has ended counts as active again
    const ended = accepted(pause(s, '2028-01-05', '2028-01-08')).state;
    expect(resume(ended, '2028-01-08')).toEqual({ ok: false, reason: 'NOT_PAUSED' });
  });
});

describe('reschedule', () => {
  const s = started('2028-02-01', 2); // next 2028-02-15

  it('sets the picked date as the next box and the new anchor', () => {
    const r = accepted(reschedule(s, '2028-02-03', '2028-02-29')).state;
    expect(r).toMatchObject({ anchorDate: '2028-02-29', nextBillingDate: '2028-02-29', nextCycle: 1 });
    expect(upcoming(r, '2028-02-03', 3)).toEqual(['2028-02-29', '2028-03-14', '2028-03-28']);
  });

  it('accepts tomorrow up to the current next date + 28 days', () => {
    expect(accepted(reschedule(s, '2028-02-03', '2028-02-04')).state.nextBillingDate).toBe('2028-02-04');
    expect(accepted(reschedule(s, '2028-02-03', '2028-03-14')).state.nextBillingDate).toBe('2028-03-14');
    expect(reschedule(s, '2028-02-03', '2028-03-15')).toEqual({ ok: false, reason: 'DATE_OUT_OF_BOUNDS' });
    expect(reschedule(s, '2028-02-03', '2028-02-03')).toEqual({ ok: false, reason: 'DATE_OUT_OF_BOUNDS' });
    expect(reschedule(s, '2028-02-03', '2028-02-31')).toEqual({ ok: false, reason: 'INVALID_DATE' });
  });

  it('never moves a box before a skipped one, and is refused while paused or due', () => {
    const skipped = accepted(skipNext(s, '2028-02-03')).state; // cycle 1 skipped on 02-15, next 02-29
    expect(reschedule(skipped, '2028-02-03', '2028-02-15')).toEqual({ ok: false, reason: 'DATE_OUT_OF_BOUNDS' });
    expect(accepted(reschedule(skipped, '2028-02-03', '2028-02-16')).state.nextBillingDate).toBe('2028-02-16');
    expect(reschedule(s, '2028-02-15', '2028-02-20')).toEqual({ ok: false, reason: 'CYCLE_DUE' });
    const paused = accepted(pause(s, '2028-02-03', null)).state;
    expect(reschedule(paused, '2028-02-04', '2028-02-20')).toEqual({ ok: false, reason: 'PAUSED' });
  });
});

describe('changeInterval', () => {
  it('puts the next box at the last cycle date + the new interval, the new anchor', () => {
    const s = started('2027-12-21', 2); // next 2028-01-04
    expect(accepted(changeInterval(s, '2027-12-23', 1)).state).toMatchObject({ intervalWeeks: 1, anchorDate: '2027-12-28', nextBillingDate: '2027-12-28', nextCycle: 1 });
    expect(accepted(changeInterval(s, '2027-12-23', 4)).state.nextBillingDate).toBe('2028-01-18');
    const leap = started('2028-02-01', 1);
    expect(accepted(changeInterval(leap, '2028-02-02', 4)).state.nextBillingDate).toBe('2028-02-29');
  });

  it('never puts the next box before tomorrow', () => {
    const s = started('2028-01-03', 4); // next 2028-01-31
    expect(accepted(changeInterval(s, '2028-01-20', 1)).state.nextBillingDate).toBe('2028-01-21');
  });

  it('is allowed while paused: resume then follows the new cadence', () => {
    const s = started('2028-01-03', 4);
    const paused = accepted(pause(s, '2028-01-05', null)).state;
    const changed = accepted(changeInterval(paused, '2028-03-01', 2)).state;
    expect(changed).toMatchObject({ intervalWeeks: 2, pause: { until: null }, anchorDate: '2028-03-02' });
    expect(accepted(resume(changed, '2028-03-10')).state.nextBillingDate).toBe('2028-03-16');
  });

  it('keeps everything for the same interval and refuses a bad one or a due box', () => {
    const s = started('2028-01-03', 4);
    expect(accepted(changeInterval(s, '2028-01-20', 4)).state).toBe(s);
    expect(changeInterval(s, '2028-01-20', 3)).toEqual({ ok: false, reason: 'INVALID_INTERVAL' });
    expect(changeInterval(s, '2028-01-31', 1)).toEqual({ ok: false, reason: 'CYCLE_DUE' });
  });
});

describe('upcoming', () => {
  it('lists the next dates one interval apart, across a year end', () => {
    const s = schedule({ intervalWeeks: 4, anchorDate: '2028-11-06', nextBillingDate: '2028-12-04' });
    expect(upcoming(s, '2028-11-20', 3)).toEqual(['2028-12-04', '2029-01-01', '2029-01-29']);
    expect(upcoming(s, '2028-11-20', 0)).toEqual([]);
  });
});
