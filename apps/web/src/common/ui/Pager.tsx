import Pagination from 'react-bootstrap/Pagination';

/** Previous / "page of pages" / next, shown only when there is more than one page. */
export function Pager({ page, pageCount, onPage, testIdPrefix }: { page: number; pageCount: number; onPage: (page: number) => void; testIdPrefix?: string }) {
  if (pageCount <= 1) return null;
  return (
    <Pagination aria-label="Pages" className="justify-content-center">
      <Pagination.Prev disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid={testIdPrefix && `${testIdPrefix}-prev`} />
      <Pagination.Item active>{`${page} / ${pageCount}`}</Pagination.Item>
      <Pagination.Next disabled={page >= pageCount} onClick={() => onPage(page + 1)} data-testid={testIdPrefix && `${testIdPrefix}-next`} />
    </Pagination>
  );
}
