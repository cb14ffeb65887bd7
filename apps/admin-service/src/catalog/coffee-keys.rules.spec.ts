import { exampleVersionContent } from '@roastery/contracts/testing';
import { coffeeKey, lotKey, normaliseText } from './coffee-keys.rules';

describe('normaliseText', () => {
  it('lower-cases, trims, collapses spaces and strips punctuation', () => {
    expect(normaliseText('  Yirgacheffe –  Konga, Lot #7! ')).toBe('yirgacheffe konga lot 7');
    expect(normaliseText('Ethiopia\tKONGA')).toBe('ethiopia konga');
  });

  it('keeps Hangul (also when written as decomposed jamo) and digits', () => {
    expect(normaliseText('에티오피아 · 예가체프 G1')).toBe('에티오피아 예가체프 g1');
    expect(normaliseText('커피'.normalize('NFD'))).toBe('커피');
  });
});

describe('coffeeKey', () => {
  it('is equal for the same coffee written differently', () => {
    const a = coffeeKey(exampleVersionContent);
    const b = coffeeKey({ ...exampleVersionContent, name: ' ethiopia  yirgacheffe-konga ', origin: { country: 'ETHIOPIA', region: 'other' }, lot: 'lot 7.', process: 'washed' });
    expect(a).toBe(b);
    expect(a).toBe('ethiopia yirgacheffe konga|ethiopia|lot 7|washed|light');
  });

  it('differs when the lot, process or roast level differs', () => {
    const a = coffeeKey(exampleVersionContent);
    expect(coffeeKey({ ...exampleVersionContent, lot: 'Lot 8' })).not.toBe(a);
    expect(coffeeKey({ ...exampleVersionContent, process: 'Natural' })).not.toBe(a);
    expect(coffeeKey({ ...exampleVersionContent, roastLevel: 'MEDIUM' })).not.toBe(a);
  });
});

describe('lotKey', () => {
  it('is the normalised country|producer|lot', () => {
    expect(lotKey(exampleVersionContent)).toBe('ethiopia|konga washing station|lot 7');
    expect(lotKey({ origin: { country: '콜롬비아', region: '' }, producer: 'Finca El Paraíso', lot: '' })).toBe('콜롬비아|finca el paraíso|');
  });

  it('is empty when neither producer nor lot is known', () => {
    expect(lotKey({ origin: { country: 'Brazil', region: '' }, producer: ' ', lot: '' })).toBe('');
  });
});
