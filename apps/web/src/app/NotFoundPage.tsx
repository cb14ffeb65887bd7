import { Link } from 'react-router-dom';
import { usePageTitle } from '../common/hooks/usePageTitle';

/** Any route the app does not know. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <div className="text-center py-5">
      <h1 className="h3">Page not found</h1>
      <p className="text-muted">The page you were looking for does not exist.</p>
      <Link to="/">Back to the shop</Link>
    </div>
  );
}
