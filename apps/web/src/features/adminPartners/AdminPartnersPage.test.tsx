import { fireEvent, screen, within } from '@testing-library/react';
import { makeStore } from '../../app/store';
import { aPartner, IDS } from '../../test/fixtures';
import { anAccount, renderApp, signedIn } from '../../test/test-utils';
import { initialAdminPartnersState, partnerStatusConfirmed, trustToggled } from './adminPartnersSlice';

const admin = anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] });
const suspended = aPartner({ id: '0190a0b0-0000-7000-8000-0000000000b2', name: 'Sketchy Beans', status: 'SUSPENDED', suspendedReason: 'Unpaid returns', trusted: true });

function openPartners() {
  const items = [aPartner(), suspended];
  const store = makeStore({ ...signedIn(admin), adminPartners: { ...initialAdminPartnersState, load: 'loaded', items, total: 2 } }, { runSagas: false });
  const dispatch = jest.spyOn(store, 'dispatch');
  renderApp('/backoffice/partners', { store });
  return { store, dispatched: () => dispatch.mock.calls.map(([a]) => a as { type: string; payload?: unknown }) };
}

describe('AdminPartnersPage', () => {
  it('lists partners with their status and the trusted switch', () => {
    openPartners();
    const rows = screen.getAllByTestId('partner-row');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['ACTIVE', 'SUSPENDED']);
    expect(within(rows[1]).getByText('Reason: Unpaid returns')).toBeTruthy();
    expect(within(rows[1]).getByTestId('partner-trusted-switch')).toHaveProperty('checked', true);
    expect(within(rows[1]).getByTestId('partner-reinstate')).toBeTruthy();
  });

  it('toggles trust', () => {
    const { dispatched } = openPartners();
    fireEvent.click(within(screen.getAllByTestId('partner-row')[0]).getByTestId('partner-trusted-switch'));
    expect(dispatched().find((a) => a.type === trustToggled.type)?.payload).toEqual({ id: IDS.partner, trusted: true });
  });

  it('suspends only with a reason', async () => {
    const { dispatched } = openPartners();
    fireEvent.click(within(screen.getAllByTestId('partner-row')[0]).getByTestId('partner-suspend'));
    expect(await screen.findByRole('heading', { name: 'Suspend Bean There Roasters' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Suspend partner' }));
    expect(screen.getByTestId('partner-status-reason-error').textContent).toBe('Required');
    fireEvent.change(screen.getByLabelText('Reason', { exact: false }), { target: { value: 'Mould in a shipment' } });
    fireEvent.click(screen.getByRole('button', { name: 'Suspend partner' }));
    expect(dispatched().find((a) => a.type === partnerStatusConfirmed.type)?.payload).toEqual({ id: IDS.partner, action: 'suspend', reason: 'Mould in a shipment' });
  });
});
