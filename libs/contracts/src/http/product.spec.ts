import { createProductRequestSchema, updateProductRequestSchema } from './product';

describe('product request schemas', () => {
  it('fills defaults when a draft is created', () => {
    const parsed = createProductRequestSchema.parse({ name: 'Konga', options: [{ weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18000 }] });
    expect(parsed).toMatchObject({ producer: '', roastLevel: null, tastingNotes: [], options: [{ stock: 0 }] });
  });

  it('leaves out what an edit does not mention, so it cannot reset it', () => {
    expect(updateProductRequestSchema.parse({ description: 'new words' })).toEqual({ description: 'new words' });
  });

  it.each([
    ['a negative price', { options: [{ weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: -1 }] }],
    ['an unknown roast level', { roastLevel: 'BURNT' }],
    ['a non-http image URL', { imageUrls: ['javascript:alert(1)'] }],
    ['an unknown field', { price: 1 }],
    ['too many options', { options: Array.from({ length: 13 }, () => ({ weightGrams: 200, grind: 'FILTER', priceWon: 1000 })) }],
  ])('refuses %s', (_what, body) => {
    expect(updateProductRequestSchema.safeParse(body).success).toBe(false);
  });
});
