import { fireEvent, screen, within } from '@testing-library/react';
import { makeStore } from '../../app/store';
import { anAccount, renderApp, signedIn } from '../../test/test-utils';
import { completedRun, runningRun } from './billingRunsFixtures';
import { billingRunsPageLeft, billingRunStartClicked, initialBillingRunsState, type BillingRunsState } from './billingRunsSlice';

const admin = anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] });
const failed = completedRun({ id: '0190a0b0-0000-7000-8000-0000000000e2', status: 'FAILED', error: 'Toss did not answer' });

function openBilling(billingRuns: Partial<BillingRunsState> = {}) {
  const store = makeStore({ ...signedIn(admin), billingRuns: { ...initialBillingRunsState, load: 'loaded', ...billingRuns } }, { runSagas: false });
  const dispatch = jest.spyOn(store, 'dispatch');
  const view = renderApp('/backoffice/billing', { store });
  return { store, view, dispatched: () => dispatch.mock.calls.map(([a]) => a as { type: string; payload?: unknown }) };
}

describe('BillingRunsPage', () => {
  it('is a backoffice tab listing recent runs, newest first', () => {
    openBilling({ items: [completedRun(), failed], total: 2 });
    expect(within(screen.getByTestId('backoffice-nav')).getByRole('link', { name: 'Billing' }).getAttribute('href')).toBe('/backoffice/billing');
    const rows = screen.getAllByTestId('billing-run-row');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['COMPLETED', 'FAILED']);
    expect(within(rows[1]).getByText('Toss did not answer')).toBeTruthy();
  });

  it('starts a run with a fresh Idempotency-Key, or the key of a start whose outcome is unknown', () => {
    const first = openBilling();
    fireEvent.click(screen.getByRole('button', { name: '지금 청구 실행' }));
    const started = first.dispatched().find((a) => a.type === billingRunStartClicked.type)?.payload as { idempotencyKey: string };
    expect(started.idempotencyKey).toMatch(/.+/);
    first.view.unmount();

    const retry = openBilling({ followed: { phase: 'idle', run: null, retryKey: 'lost-key', problem: { status: 0, code: 'NETWORK_ERROR', message: 'Could not reach the server.', fieldErrors: {}, retryAfterSeconds: null } } });
    expect(screen.getByTestId('billing-run-start-problem').textContent).toContain('Could not reach the server.');
    fireEvent.click(screen.getByRole('button', { name: '지금 청구 실행' }));
    expect(retry.dispatched().find((a) => a.type === billingRunStartClicked.type)?.payload).toEqual({ idempotencyKey: 'lost-key' });
  });

  it('shows the followed run with its counts, and no second start while it runs', () => {
    const { view, dispatched } = openBilling({ followed: { phase: 'following', run: runningRun(), problem: null, retryKey: null }, items: [runningRun()], total: 1 });
    const panel = screen.getByTestId('billing-run-progress');
    expect(within(panel).getByTestId('billing-run-status').textContent).toBe('진행 중');
    expect(within(panel).getByText('영업일 2026-12-01까지')).toBeTruthy();
    expect(within(panel).getByTestId('billing-run-count-charged').textContent).toBe('300');
    expect(within(panel).getByTestId('billing-run-count-pending').textContent).toBe('150');
    expect(screen.getByRole('button', { name: '지금 청구 실행' })).toHaveProperty('disabled', true);
    view.unmount();
    expect(dispatched().some((a) => a.type === billingRunsPageLeft.type)).toBe(true);
  });

  it('shows the outcome of a failed run and lets the admin start again', () => {
    openBilling({ followed: { phase: 'finished', run: failed, problem: null, retryKey: null }, items: [failed], total: 1 });
    expect(screen.getByTestId('billing-run-status').textContent).toBe('실패');
    expect(screen.getByTestId('billing-run-error').textContent).toBe('Toss did not answer');
    expect(screen.getByRole('button', { name: '지금 청구 실행' })).toHaveProperty('disabled', false);
  });
});
