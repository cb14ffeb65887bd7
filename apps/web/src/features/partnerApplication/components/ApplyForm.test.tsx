import { fireEvent, screen } from '@testing-library/react';
import { aProblem, VALID_BRN } from '../../../test/fixtures';
import { renderWithProviders, signedIn } from '../../../test/test-utils';
import { initialPartnerApplicationState } from '../partnerApplicationSlice';
import { ApplyForm } from './ApplyForm';

function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
  }
}

const valid = {
  'Business name': 'Bean There Roasters',
  'Business registration number': VALID_BRN,
  Phone: '010-1234-5678',
  'Payout bank': 'KB Kookmin',
  'Payout account number': '123456789012',
};

describe('ApplyForm', () => {
  it('prefills the representative and contact email from the account', () => {
    renderWithProviders(<ApplyForm />, { preloadedState: signedIn() });
    expect(screen.getByLabelText('Representative', { exact: false })).toHaveProperty('value', 'Mina Park');
    expect(screen.getByLabelText('Contact email', { exact: false })).toHaveProperty('value', 'mina@example.com');
  });

  it('shows a checksum error for a bad registration number and does not submit', () => {
    const { store } = renderWithProviders(<ApplyForm />, { preloadedState: signedIn() });
    fill({ ...valid, 'Business registration number': '123-45-67890' });
    fireEvent.click(screen.getByRole('button', { name: 'Submit application' }));

    const input = screen.getByLabelText('Business registration number', { exact: false });
    expect(screen.getByTestId('apply-registrationNumber-error').textContent).toBe('Checksum does not match');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('apply-registrationNumber-error');
    expect(document.activeElement).toBe(input);
    expect(store.getState().partnerApplication.submit.submitting).toBe(false);
  });

  it('hides the error once the field is edited, and submits normalised digits when valid', () => {
    const { store } = renderWithProviders(<ApplyForm />, { preloadedState: signedIn() });
    fill({ ...valid, 'Business registration number': '123-45-67890' });
    fireEvent.click(screen.getByRole('button', { name: 'Submit application' }));
    fill({ 'Business registration number': '120-81-47521' });
    expect(screen.getByTestId('apply-registrationNumber-error').textContent).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Submit application' }));
    expect(store.getState().partnerApplication.submit.submitting).toBe(true);
    expect(screen.getByRole('button', { name: 'Submitting…' })).toHaveProperty('disabled', true);
  });

  it("shows the server's field errors beside their inputs", () => {
    const problem = aProblem({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid request',
      fieldErrors: { payoutAccount: 'Account number is not accepted by this bank' },
    });
    renderWithProviders(<ApplyForm />, {
      preloadedState: { ...signedIn(), partnerApplication: { ...initialPartnerApplicationState, submit: { submitting: false, problem } } },
    });
    expect(screen.getByTestId('apply-payoutAccount-error').textContent).toBe('Account number is not accepted by this bank');
    expect(screen.queryByTestId('apply-problem')).toBeNull();
  });

  it('explains a conflict above the form', () => {
    const problem = aProblem({ status: 409, code: 'APPLICATION_ALREADY_OPEN', message: 'conflict' });
    renderWithProviders(<ApplyForm />, {
      preloadedState: { ...signedIn(), partnerApplication: { ...initialPartnerApplicationState, submit: { submitting: false, problem } } },
    });
    expect(screen.getByTestId('apply-problem').textContent).toContain('You already have an application under review.');
  });
});
