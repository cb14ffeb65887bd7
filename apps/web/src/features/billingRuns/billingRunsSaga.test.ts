import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { dynamic, throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { pause } from '../../common/utils/pause';
import { anAccount, signedIn } from '../../test/test-utils';
import { aBillingRun, completedRun, RUN_ID, runningRun } from './billingRunsFixtures';
import { type BillingRunDto, billingRunsApi } from './billingRunsApi';
import { billingRunsSaga, MAX_POLL_FAILURES } from './billingRunsSaga';
import {
  billingRunDismissed,
  billingRunFollowed,
  billingRunPollFailed,
  billingRunProgressPolled,
  billingRunsLoaded,
  billingRunStartClicked,
  billingRunStarted,
  billingRunStartFailed,
  billingRunsViewed,
} from './billingRunsSlice';

const admin = anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] });
const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn(admin) });

/** Answers successive calls with the given values in order (the last one repeats). */
function sequence<T>(...answers: (T | Error)[]) {
  let i = 0;
  return dynamic(() => {
    const a = answers[Math.min(i++, answers.length - 1)];
    if (a instanceof Error) throw a;
    return a;
  });
}

describe('billingRunsSaga', () => {
  it('starts a run with the key and polls it until COMPLETED', async () => {
    const { storeState, effects } = await expectSaga(billingRunsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(pause), undefined],
        [matchers.call.fn(billingRunsApi.start), aBillingRun()],
        [matchers.call.fn(billingRunsApi.get), sequence(aBillingRun(), runningRun(), completedRun())],
      ])
      .call(billingRunsApi.start, 'access-token', 'key-1')
      .put(billingRunStarted(aBillingRun()))
      .put(billingRunProgressPolled(runningRun()))
      .put(billingRunProgressPolled(completedRun()))
      .dispatch(billingRunStartClicked({ idempotencyKey: 'key-1' }))
      .silentRun(50);
    expect(storeState.billingRuns.followed).toMatchObject({ phase: 'finished', run: { status: 'COMPLETED' } });
    // It stops at the final status.
    expect(effects.call?.filter((c) => c.payload.fn === billingRunsApi.get)).toHaveLength(3);
  });

  it('reports a refused start, keeping nothing to retry', async () => {
    const { storeState } = await expectSaga(billingRunsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(billingRunsApi.start), throwError(new ApiRequestError(403, 'FORBIDDEN', 'Admins only'))]])
      .put.like({ action: { type: billingRunStartFailed.type, payload: { idempotencyKey: 'key-1', problem: { code: 'FORBIDDEN' } } } })
      .dispatch(billingRunStartClicked({ idempotencyKey: 'key-1' }))
      .silentRun(50);
    expect(storeState.billingRuns.followed).toMatchObject({ phase: 'idle', retryKey: null });
  });

  it('rides out a failed read, and gives up after repeated failures', async () => {
    const down = new ApiRequestError(502, 'BAD_RESPONSE', 'The service is unavailable right now.');
    await expectSaga(billingRunsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(pause), undefined],
        [matchers.call.fn(billingRunsApi.start), aBillingRun()],
        [matchers.call.fn(billingRunsApi.get), sequence<BillingRunDto>(down, completedRun())],
      ])
      .put(billingRunProgressPolled(completedRun()))
      .not.put.like({ action: { type: billingRunPollFailed.type } })
      .dispatch(billingRunStartClicked({ idempotencyKey: 'key-1' }))
      .silentRun(50);

    const { storeState, effects } = await expectSaga(billingRunsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(pause), undefined],
        [matchers.call.fn(billingRunsApi.start), aBillingRun()],
        [matchers.call.fn(billingRunsApi.get), throwError(down)],
      ])
      .put.like({ action: { type: billingRunPollFailed.type, payload: { runId: RUN_ID, problem: { status: 502 } } } })
      .dispatch(billingRunStartClicked({ idempotencyKey: 'key-1' }))
      .silentRun(50);
    expect(effects.call?.filter((c) => c.payload.fn === billingRunsApi.get)).toHaveLength(MAX_POLL_FAILURES);
    expect(storeState.billingRuns.followed.phase).toBe('lost');
  });

  it('follows a run still going that the list shows, and stops when dismissed', async () => {
    const page = { items: [runningRun(), completedRun({ id: '0190a0b0-0000-7000-8000-0000000000e1' })], page: 1, size: 20, total: 2 };
    const reads: number[] = [];
    const startedAt = Date.now();
    const { storeState } = await expectSaga(billingRunsSaga)
      .withReducer(rootReducer, initial())
      // Every read still says RUNNING: only the dismissal ends the polling.
      .provide([
        [matchers.call.fn(billingRunsApi.list), page],
        [matchers.call.fn(billingRunsApi.get), dynamic(() => (reads.push(Date.now() - startedAt), runningRun({ sequence: 2 })))],
        [matchers.call.fn(pause), dynamic(() => new Promise((r) => setTimeout(r, 5)))],
      ])
      .put(billingRunsLoaded(page))
      .put(billingRunFollowed(runningRun()))
      .put(billingRunProgressPolled(runningRun({ sequence: 2 })))
      .dispatch(billingRunsViewed({ page: 1, size: 20 }))
      .delay(30)
      .dispatch(billingRunDismissed())
      .silentRun(150);
    expect(storeState.billingRuns.followed.phase).toBe('idle');
    // Polled while followed (every ~5 ms here), not after the dismissal at ~30 ms.
    expect(reads.length).toBeGreaterThan(1);
    expect(Math.max(...reads)).toBeLessThan(80);
  });
});
