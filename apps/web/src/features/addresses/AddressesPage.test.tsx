import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { anAddress } from '../../test/myPageFixtures';
import { renderApp, signedIn } from '../../test/test-utils';
import { addressesApi } from './addressesApi';

const home = anAddress();
const office = anAddress({ id: 'addr-2', label: '회사', isDefault: false, createdAt: '2025-11-21T09:00:00.000Z' });
const page = (items = [home]) => ({ items, page: 1, size: 20, total: items.length });

afterEach(() => jest.restoreAllMocks());

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });

describe('AddressesPage', () => {
  it('lists addresses with the default badge and is reached from My page', async () => {
    jest.spyOn(addressesApi, 'list').mockResolvedValue(page([home, office]));
    renderApp('/me', { preloadedState: signedIn(), runSagas: true });
    fireEvent.click(screen.getByTestId('link-addresses'));
    const cards = await screen.findAllByTestId('address-card');
    expect(cards.map((c) => c.getAttribute('data-default'))).toEqual(['true', 'false']);
    expect(within(cards[0]).getByTestId('default-badge').textContent).toBe('기본');
    expect(cards[0].textContent).toContain('010-1234-5678');
    expect(cards[0].textContent).toContain('(04524) 서울 중구 세종대로 110 3층');
  });

  it('checks the form with the shared schema before sending, then adds the address', async () => {
    jest.spyOn(addressesApi, 'list').mockResolvedValue(page([home]));
    const create = jest.spyOn(addressesApi, 'create').mockResolvedValue(office);
    renderApp('/me/addresses', { preloadedState: signedIn(), runSagas: true });
    await screen.findByTestId('address-form');
    fill('Phone', '010-12');
    fill('Postal code', '1234');
    fill('Street address', '서울 강남구 테헤란로 152');
    fireEvent.click(screen.getByTestId('address-submit'));
    expect(screen.getByTestId('address-postalCode-error').textContent).toBe('Must be 5 digits');
    expect(screen.getByTestId('address-phone-error').textContent).toBe('Must be a Korean phone number');
    expect(create).not.toHaveBeenCalled();

    fill('Phone', '010-1234-5678');
    fill('Postal code', '06236');
    fill('Label', '회사');
    fireEvent.click(screen.getByLabelText('Make this my default address'));
    fireEvent.click(screen.getByTestId('address-submit'));
    await waitFor(() => expect(screen.getAllByTestId('address-card')).toHaveLength(2));
    expect(create).toHaveBeenCalledWith(
      'access-token',
      { label: '회사', recipient: 'Mina Park', phone: '01012345678', postalCode: '06236', line1: '서울 강남구 테헤란로 152', line2: '', isDefault: true },
      expect.any(String),
    );
    // The form starts empty again.
    expect((screen.getByLabelText('Postal code', { exact: false }) as HTMLInputElement).value).toBe('');
  });

  it('deletes only after confirming, and shows the default the server promoted', async () => {
    jest.spyOn(addressesApi, 'list').mockResolvedValueOnce(page([home, office])).mockResolvedValue(page([{ ...office, isDefault: true }]));
    const remove = jest.spyOn(addressesApi, 'remove').mockResolvedValue(undefined);
    renderApp('/me/addresses', { preloadedState: signedIn(), runSagas: true });
    const cards = await screen.findAllByTestId('address-card');
    fireEvent.click(within(cards[0]).getByTestId('delete-address'));
    expect((await screen.findByTestId('confirm-delete-address')).textContent).toContain('Your newest other address becomes the default.');
    expect(remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('confirm-delete-address-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('address-card').map((c) => [c.getAttribute('data-id'), c.getAttribute('data-default')])).toEqual([['addr-2', 'true']]));
    expect(remove).toHaveBeenCalledWith('access-token', 'addr-1');
  });
});
