import type { AddressDto } from '@roastery/contracts';
import { makeStore } from '../../app/store';
import { aProblem } from '../../test/fixtures';
import { anAddress } from '../../test/myPageFixtures';
import {
  addressActionFailed,
  addressAdded,
  addressDeleteConfirmed,
  addressDeleted,
  addressesLoaded,
  addressesPageOpened,
  addressesSlice,
  addressFormSubmitted,
  addressAddFailed,
  defaultAddressChanged,
  defaultAddressChosen,
  initialAddressesState,
  selectCanAddAddress,
} from './addressesSlice';

const reduce = addressesSlice.reducer;

const home = anAddress();
const office = anAddress({ id: 'addr-2', label: '회사', isDefault: false, createdAt: '2025-11-21T09:00:00.000Z' });
const body = { label: '본가', recipient: '김하늘', phone: '01012345678', postalCode: '48058', line1: '부산 해운대구', line2: '' };

const loaded = (items: AddressDto[]) => reduce(reduce(initialAddressesState, addressesPageOpened()), addressesLoaded(items));

describe('addressesSlice', () => {
  it('loads the list, default first and then newest', () => {
    const older = anAddress({ id: 'addr-0', label: '창고', isDefault: false, createdAt: '2025-11-01T09:00:00.000Z' });
    const state = loaded([older, office, home]);
    expect(state.load).toBe('loaded');
    expect(state.items.map((a) => a.id)).toEqual(['addr-1', 'addr-2', 'addr-0']);
  });

  it('adds an address; a new default takes over, and the form resets', () => {
    const submitting = reduce(loaded([home]), addressFormSubmitted({ body, idempotencyKey: 'k' }));
    expect(submitting.add.submitting).toBe(true);
    const added = reduce(submitting, addressAdded(anAddress({ id: 'addr-3', isDefault: true, createdAt: '2025-11-22T09:00:00.000Z' })));
    expect(added.items.map((a) => [a.id, a.isDefault])).toEqual([
      ['addr-3', true],
      ['addr-1', false],
    ]);
    expect(added.add).toEqual({ submitting: false, problem: null, revision: 1 });
  });

  it('keeps a failed add on the form', () => {
    const problem = aProblem({ status: 400, code: 'VALIDATION_FAILED', fieldErrors: { postalCode: 'Must be 5 digits' } });
    const failed = reduce(reduce(loaded([]), addressFormSubmitted({ body, idempotencyKey: 'k' })), addressAddFailed(problem));
    expect(failed.add).toEqual({ submitting: false, problem, revision: 0 });
  });

  it('moves the default badge and marks the busy address meanwhile', () => {
    const busy = reduce(loaded([home, office]), defaultAddressChosen({ id: 'addr-2' }));
    expect(busy.busyId).toBe('addr-2');
    const changed = reduce(busy, defaultAddressChanged({ ...office, isDefault: true }));
    expect(changed.busyId).toBeNull();
    expect(changed.items.map((a) => [a.id, a.isDefault])).toEqual([
      ['addr-2', true],
      ['addr-1', false],
    ]);
  });

  it('removes a deleted address and reports a failed action', () => {
    const deleted = reduce(reduce(loaded([home, office]), addressDeleteConfirmed({ id: 'addr-2' })), addressDeleted({ id: 'addr-2' }));
    expect(deleted.items.map((a) => a.id)).toEqual(['addr-1']);
    const failed = reduce(reduce(deleted, addressDeleteConfirmed({ id: 'addr-1' })), addressActionFailed(aProblem({ status: 404, code: 'NOT_FOUND' })));
    expect(failed).toMatchObject({ busyId: null, actionProblem: { code: 'NOT_FOUND' } });
  });

  it('offers the form only below ten addresses', () => {
    const canAdd = (items: AddressDto[]) => selectCanAddAddress({ ...makeStore(undefined, { runSagas: false }).getState(), addresses: loaded(items) });
    const ten = Array.from({ length: 10 }, (_, i) => anAddress({ id: `a${i}`, isDefault: i === 0 }));
    expect(canAdd(ten.slice(0, 9))).toBe(true);
    expect(canAdd(ten)).toBe(false);
    expect(selectCanAddAddress(makeStore(undefined, { runSagas: false }).getState())).toBe(false);
  });
});
