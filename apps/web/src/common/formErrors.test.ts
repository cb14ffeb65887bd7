import { partnerApplicationRequestSchema, signupRequestSchema } from '@roastery/contracts';
import { zodFieldErrors } from './formErrors';

function errorsOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return zodFieldErrors(result.error as Parameters<typeof zodFieldErrors>[0]);
}

describe('zodFieldErrors', () => {
  it('words the shared schema errors for people', () => {
    expect(errorsOf(signupRequestSchema, { email: 'nope', password: 'short', name: '' })).toEqual({
      email: 'Enter a valid email address',
      password: 'Must be at least 10 characters',
      name: 'Required',
    });
  });

  it("keeps the schema's own messages, such as the registration number checksum", () => {
    const errors = errorsOf(partnerApplicationRequestSchema, {
      businessName: 'Bean There',
      registrationNumber: '123-45-67890',
      representative: 'Mina',
      phone: '010-1234-5678',
      email: 'mina@beanthere.kr',
      payoutBank: 'KB',
      payoutAccount: '12-34',
    });
    expect(errors).toEqual({ registrationNumber: 'Checksum does not match', payoutAccount: 'Must be 8 to 20 digits' });
  });
});
