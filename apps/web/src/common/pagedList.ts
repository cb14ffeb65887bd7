import type { Page } from '@roastery/contracts';
import type { Problem } from './problem';

/** The state every console list page keeps: the query from the URL, how loading went, and one page. */
export interface PagedListState<Q, T> {
  query: Q;
  load: 'idle' | 'loading' | 'loaded' | 'failed';
  loadProblem: Problem | null;
  items: T[];
  total: number;
}

/** The three steps of loading a paged list, written once for the slices that keep one (Immer drafts). */
export const pagedList = {
  /** The page was shown or its filter/page changed: the URL is the source of the query. */
  viewed<Q>(state: PagedListState<Q, unknown>, query: Q): void {
    state.query = query;
    state.load = 'loading';
    state.loadProblem = null;
  },
  loaded<T>(state: PagedListState<unknown, T>, page: Page<T>): void {
    state.load = 'loaded';
    state.items = page.items;
    state.total = page.total;
  },
  failed(state: PagedListState<unknown, unknown>, problem: Problem): void {
    state.load = 'failed';
    state.loadProblem = problem;
  },
};
