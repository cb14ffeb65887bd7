import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useAppSelector } from '../../../app/hooks';
import { PageSpinner } from '../../../common/ui/PageSpinner';
import { selectSessionStatus } from '../authSlice';

/** Renders its children (or the nested route) for a signed-in user; sends others to /login and back. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const status = useAppSelector(selectSessionStatus);
  const location = useLocation();
  if (status === 'pending') return <PageSpinner label="Signing you in…" />;
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children ?? <Outlet />;
}
