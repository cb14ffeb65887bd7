import { registerCard } from './card-registration';
import { maskCardNumber, outcomeForCard } from './test-cards';

describe('test cards', () => {
  const now = new Date('2025-06-18T00:00:00Z');
  const form = { cardNumber: '4330-1234-1234-1234', expirationMonth: '12', expirationYear: '30', identityNumber: '900101' };

  it('masks like Toss (first 8, 4 stars, 3 digits, a star) and never keeps the full number', () => {
    expect(maskCardNumber('4330123412341234')).toBe('43301234****123*');
    expect(JSON.stringify(registerCard(form, now))).not.toContain('4330123412341234');
  });

  it('scripts outcomes by the last four digits', () => {
    expect(outcomeForCard('4330120000001001')).toBe('insufficient_funds');
    expect(outcomeForCard('4330120000001006')).toBe('response_lost');
    expect(outcomeForCard('9410123412345678')).toBe('approve');
  });

  it('refuses bad numbers, past expiry, bad identity numbers and the rejected card', () => {
    expect(() => registerCard({ ...form, cardNumber: '1234' }, now)).toThrow(expect.objectContaining({ code: 'INVALID_CARD_NUMBER' }));
    expect(() => registerCard({ ...form, expirationMonth: '05', expirationYear: '25' }, now)).toThrow(expect.objectContaining({ code: 'INVALID_CARD_EXPIRATION' }));
    expect(registerCard({ ...form, expirationMonth: '06', expirationYear: '25' }, now).outcome).toBe('approve');
    expect(() => registerCard({ ...form, identityNumber: '12' }, now)).toThrow(expect.objectContaining({ code: 'INVALID_CARD_IDENTITY' }));
    expect(() => registerCard({ ...form, cardNumber: '4330120000009001' }, now)).toThrow(expect.objectContaining({ code: 'REJECT_CARD_COMPANY' }));
  });
});
