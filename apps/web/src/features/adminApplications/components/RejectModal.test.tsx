import { act, fireEvent, screen } from '@testing-library/react';
import { aReview } from '../../../test/fixtures';
import { anAccount, renderWithProviders, signedIn } from '../../../test/test-utils';
import { initialAdminApplicationsState, rejectDialogOpened } from '../adminApplicationsSlice';
import { RejectModal } from './RejectModal';

const admin = anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] });
const queue = {
  ...initialAdminApplicationsState,
  load: 'loaded' as const,
  items: [aReview({ id: 'app-9', businessName: 'Sketchy Coffee' })],
  total: 1,
  rejectDialog: { applicationId: 'app-9', submitting: false, problem: null },
};

describe('RejectModal', () => {
  it('requires a reason before rejecting', async () => {
    const { store } = renderWithProviders(<RejectModal />, { preloadedState: { ...signedIn(admin), adminApplications: queue } });
    expect(await screen.findByRole('heading', { name: 'Reject Sketchy Coffee' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Reason', { exact: false }), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject application' }));

    expect(screen.getByTestId('reject-reason-error').textContent).toBe('Required');
    expect(store.getState().adminApplications.rejectDialog.submitting).toBe(false);
  });

  it('sends the reason when given', async () => {
    const { store } = renderWithProviders(<RejectModal />, { preloadedState: { ...signedIn(admin), adminApplications: queue } });
    fireEvent.change(await screen.findByLabelText('Reason', { exact: false }), { target: { value: 'Certificate is unreadable' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject application' }));

    const state = store.getState().adminApplications;
    expect(state.rejectDialog).toMatchObject({ applicationId: 'app-9', submitting: true });
    expect(state.decisions['app-9']).toEqual({ pending: 'reject', problem: null });
  });

  it('starts empty for the next application', async () => {
    const { store } = renderWithProviders(<RejectModal />, {
      preloadedState: { ...signedIn(admin), adminApplications: { ...queue, items: [...queue.items, aReview({ id: 'app-10', businessName: 'Next' })] } },
    });
    fireEvent.change(await screen.findByLabelText('Reason', { exact: false }), { target: { value: 'draft' } });
    act(() => {
      store.dispatch(rejectDialogOpened({ id: 'app-10' }));
    });
    expect(await screen.findByRole('heading', { name: 'Reject Next' })).toBeTruthy();
    expect(screen.getByLabelText('Reason', { exact: false })).toHaveProperty('value', '');
  });
});
