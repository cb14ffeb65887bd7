import { updateProductRequestSchema } from '@roastery/contracts';
import { sentFieldsOnly } from './product-patch';

describe('sentFieldsOnly', () => {
  it('drops the defaults the update schema fills in for fields that were not sent', () => {
    const raw = { description: '<b>bold</b>', origin: { region: 'Huila' } };
    const parsed = updateProductRequestSchema.parse(raw);
    expect(parsed).toHaveProperty('roastLevel', null);
    expect(sentFieldsOnly(raw, parsed)).toEqual({ description: '<b>bold</b>', origin: { region: 'Huila' } });
  });

  it('keeps arrays and explicit nulls as sent', () => {
    const raw = { roastLevel: null, options: [{ weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 1000 }] };
    expect(sentFieldsOnly(raw, updateProductRequestSchema.parse(raw))).toEqual(raw);
  });
});
