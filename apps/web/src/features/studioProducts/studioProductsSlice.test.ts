import { aPartnerProduct, aProblem, IDS } from '../../test/fixtures';
import {
  initialStudioProductsState,
  productCreated,
  productEditorOpened,
  productLoaded,
  productSubmitFailed,
  productSubmitted,
  stockUpdated,
  studioProductsLoaded,
  studioProductsSlice,
  studioProductsViewed,
} from './studioProductsSlice';

const reduce = studioProductsSlice.reducer;

describe('studioProductsSlice', () => {
  it('loads the list and opens a listed product at once while it is fetched fresh', () => {
    let s = reduce(initialStudioProductsState, studioProductsViewed({ page: 1, size: 20 }));
    s = reduce(s, studioProductsLoaded({ items: [aPartnerProduct()], page: 1, size: 20, total: 1 }));
    s = reduce(s, productEditorOpened({ id: IDS.product }));
    expect(s.editor).toMatchObject({ productId: IDS.product, load: 'loading', product: { id: IDS.product } });
  });

  it('keeps the editor when the URL moves from /new to the draft it created', () => {
    let s = reduce(initialStudioProductsState, productEditorOpened({ id: null }));
    s = reduce(s, productCreated(aPartnerProduct()));
    expect(s.editor).toMatchObject({ createdId: IDS.product, notice: 'Draft saved.' });
    expect(s.list.items.map((p) => p.id)).toEqual([IDS.product]);
    const revision = s.editor.revision;
    s = reduce(s, productEditorOpened({ id: IDS.product }));
    expect(s.editor).toMatchObject({ createdId: null, load: 'loaded', notice: 'Draft saved.', revision });
  });

  it('restocks in place without resetting the form (no new revision)', () => {
    let s = reduce(initialStudioProductsState, productEditorOpened({ id: IDS.product }));
    s = reduce(s, productLoaded(aPartnerProduct()));
    const revision = s.editor.revision;
    s = reduce(s, stockUpdated({ productId: IDS.product, optionId: IDS.option1kg, stock: 0, product: null }));
    expect(s.editor.product?.current.options.map((o) => o.stock)).toEqual([30, 0]);
    expect(s.editor.revision).toBe(revision);
  });

  it('keeps the fields a refused submit listed, and says when a version went to review', () => {
    let s = reduce(initialStudioProductsState, productEditorOpened({ id: IDS.product }));
    s = reduce(s, productSubmitFailed({ problem: aProblem({ status: 422 }), missing: ['roastLevel'] }));
    expect(s.editor).toMatchObject({ pending: null, missing: ['roastLevel'] });
    s = reduce(s, productSubmitted(aPartnerProduct({ status: 'IN_REVIEW' }, { status: 'IN_REVIEW', version: 2 })));
    expect(s.editor).toMatchObject({ missing: [], problem: null, notice: 'Version 2 was sent for review.' });
  });
});
