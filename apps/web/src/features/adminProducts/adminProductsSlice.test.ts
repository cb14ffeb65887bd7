import { aProductReview, IDS } from '../../test/fixtures';
import {
  adminProductsSlice,
  initialAdminProductsState,
  mergeDialogOpened,
  productApproveClicked,
  productRejectConfirmed,
  productRejectDialogClosed,
  productRejectDialogOpened,
  productReviewApproved,
  productReviewRejected,
  productReviewsLoaded,
  productReviewsViewed,
} from './adminProductsSlice';

const reduce = adminProductsSlice.reducer;
const other = aProductReview({ id: '0190a0b0-0000-7000-8000-0000000000d2', productId: IDS.otherProduct, content: { ...aProductReview().content, name: 'Kenya AA' } });

function withQueue(status: 'PENDING' | null) {
  const s = reduce(initialAdminProductsState, productReviewsViewed({ status, page: 1, size: 20 }));
  return reduce(s, productReviewsLoaded({ items: [aProductReview(), other], page: 1, size: 20, total: 2 }));
}

describe('adminProductsSlice', () => {
  it('drops an approved submission from the pending queue and names it', () => {
    let s = reduce(withQueue('PENDING'), productApproveClicked({ id: IDS.review, body: {} }));
    expect(s.decisions[IDS.review]).toEqual({ pending: 'approve', problem: null });
    s = reduce(s, productReviewApproved(aProductReview({ status: 'APPROVED' })));
    expect(s.items.map((r) => r.id)).toEqual([other.id]);
    expect(s.total).toBe(1);
    expect(s.notice).toBe('Approved 에티오피아 예가체프 코체레 (v1, Bean There Roasters).');
  });

  it('walks an approve-as-merge: dialog → merging → merged', () => {
    let s = reduce(withQueue('PENDING'), mergeDialogOpened({ id: other.id, targetProductId: IDS.product }));
    expect(s.mergeDialog).toEqual({ reviewId: other.id, targetProductId: IDS.product });
    s = reduce(s, productApproveClicked({ id: other.id, body: { mergeInto: IDS.product } }));
    expect(s.mergeDialog.reviewId).toBeNull();
    expect(s.decisions[other.id].pending).toBe('merge');
    s = reduce(s, productReviewApproved({ ...other, status: 'MERGED', mergedInto: IDS.product }));
    expect(s.notice).toBe('Merged Kenya AA (v1, Bean There Roasters) into the existing product.');
  });

  it('keeps the reject dialog open while the request is in flight', () => {
    let s = reduce(withQueue(null), productRejectDialogOpened({ id: IDS.review }));
    s = reduce(s, productRejectConfirmed({ id: IDS.review, reason: 'Photos are blurry' }));
    expect(reduce(s, productRejectDialogClosed()).rejectDialog.reviewId).toBe(IDS.review);
    s = reduce(s, productReviewRejected(aProductReview({ status: 'REJECTED', reason: 'Photos are blurry' })));
    expect(s.rejectDialog.reviewId).toBeNull();
    // Listing every status: the decided submission stays, with its new status.
    expect(s.items.map((r) => r.status)).toEqual(['REJECTED', 'PENDING']);
  });
});
