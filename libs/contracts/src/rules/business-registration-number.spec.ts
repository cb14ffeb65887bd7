import { randomRegistrationNumber } from '../testing';
import { formatBusinessRegistrationNumber, isValidBusinessRegistrationNumber } from './business-registration-number';

describe('business registration number checksum', () => {
  it.each(['1208147521', '220-81-62517', '1248100998'])('accepts a real number %s', (n) => {
    expect(isValidBusinessRegistrationNumber(n)).toBe(true);
  });

  it('rejects a number whose check digit is off by one', () => {
    expect(isValidBusinessRegistrationNumber('1208147522')).toBe(false);
  });

  it.each(['', '123', '12081475211', 'abcdefghij', '120-81-4752x'])('rejects malformed input %p', (n) => {
    expect(isValidBusinessRegistrationNumber(n)).toBe(false);
  });

  it('detects every single-digit change of a valid number', () => {
    const valid = '1208147521';
    for (let i = 0; i < 10; i++) {
      for (let v = 0; v <= 9; v++) {
        if (String(v) === valid[i]) continue;
        const changed = valid.slice(0, i) + v + valid.slice(i + 1);
        // 5d + floor(5d/10) mod 10 is a permutation of 0..9, so position 8 is covered too.
        expect(isValidBusinessRegistrationNumber(changed)).toBe(false);
      }
    }
  });

  it('the test generator makes only valid numbers', () => {
    for (let i = 0; i < 200; i++) expect(isValidBusinessRegistrationNumber(randomRegistrationNumber())).toBe(true);
  });

  it('formats as 000-00-00000', () => {
    expect(formatBusinessRegistrationNumber('1208147521')).toBe('120-81-47521');
  });
});
