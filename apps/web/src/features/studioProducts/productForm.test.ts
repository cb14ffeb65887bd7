import { aPartnerProduct, IDS } from '../../test/fixtures';
import { emptyProductForm, formErrorsFromPaths, missingBeforeSubmit, missingFieldsFrom, newOptionRow, productToForm, toCreateBody, toUpdateBody } from './productForm';

describe('productForm', () => {
  it('sends saved options back with their ids unchanged, and new ones without an id but with stock', () => {
    const form = productToForm(aPartnerProduct());
    form.options[0].priceWon = '19,500';
    form.options.push(newOptionRow({ weightGrams: '500', grind: 'ESPRESSO', priceWon: '39000', stock: '12' }));
    const parsed = toUpdateBody(form);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.body.options).toEqual([
      { id: IDS.option200, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 19500 },
      { id: IDS.option1kg, weightGrams: 1000, grind: 'FILTER', priceWon: 72000 },
      { weightGrams: 500, grind: 'ESPRESSO', priceWon: 39000, stock: 12 },
    ]);
  });

  it('builds a create body from text fields: notes by comma, image URLs by line', () => {
    const form = { ...emptyProductForm(), name: ' Kochere ', country: 'Ethiopia', process: 'Washed', roastLevel: 'LIGHT' as const };
    form.tastingNotes = 'Jasmine, bergamot,, honey';
    form.imageUrls = 'https://img.example/a.jpg\n\n https://img.example/b.jpg ';
    form.options = [newOptionRow({ priceWon: '18000', stock: '3' })];
    const parsed = toCreateBody(form);
    expect(parsed).toMatchObject({
      ok: true,
      body: {
        name: 'Kochere',
        origin: { country: 'Ethiopia', region: '' },
        tastingNotes: ['Jasmine', 'bergamot', 'honey'],
        imageUrls: ['https://img.example/a.jpg', 'https://img.example/b.jpg'],
        options: [{ weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 18000, stock: 3 }],
      },
    });
  });

  it('reports field errors keyed by the editor fields', () => {
    const form = { ...emptyProductForm(), name: 'X', imageUrls: 'https://ok.example/a.jpg\njavascript:alert(1)' };
    form.options = [newOptionRow({ priceWon: '' }), newOptionRow({ priceWon: '-5' })];
    const parsed = toCreateBody(form);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.imageUrls).toBe('Line 2: must be an http(s) URL');
    expect(parsed.errors['options.0.priceWon']).toBe('Required');
    expect(parsed.errors['options.1.priceWon']).toBeDefined();
    expect(parsed.errors['options.1.grind']).toBe('Same weight and grind as option 1');
  });

  it('knows which fields review needs', () => {
    expect(missingBeforeSubmit({ ...emptyProductForm(), name: 'X' })).toEqual(['origin.country', 'process', 'roastLevel']);
    expect(missingBeforeSubmit(productToForm(aPartnerProduct()))).toEqual([]);
  });

  it('reads the missing fields of a 422 in the shapes services use', () => {
    expect(missingFieldsFrom(['name', 'roastLevel'])).toEqual(['name', 'roastLevel']);
    expect(missingFieldsFrom([{ path: 'origin.country', message: 'required' }, { field: 'process' }, { path: ['body', 'x'] }])).toEqual([
      'origin.country',
      'process',
      'x',
    ]);
    expect(missingFieldsFrom({ missing: ['options'] })).toEqual(['options']);
    expect(missingFieldsFrom(undefined)).toEqual([]);
  });

  it('maps server paths to editor fields', () => {
    expect(formErrorsFromPaths({ 'origin.country': 'Required', 'tastingNotes.3': 'Too long', 'options.0.priceWon': 'Too small' })).toEqual({
      country: 'Required',
      tastingNotes: 'Too long',
      'options.0.priceWon': 'Too small',
    });
  });
});
