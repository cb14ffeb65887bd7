import type { Role } from '@roastery/contracts';
import type { ReactNode } from 'react';
import Alert from 'react-bootstrap/Alert';
import { Outlet } from 'react-router-dom';
import { useAppSelector } from '../../../app/hooks';
import { selectHasRole } from '../authSlice';
import { RequireAuth } from './RequireAuth';

interface RequireRoleProps {
  role: Role;
  /** What to show a signed-in account that lacks the role. */
  fallback: ReactNode;
  children?: ReactNode;
}

/** Signed in and holding `role`; otherwise the fallback (the server enforces the same rule). */
export function RequireRole({ role, fallback, children }: RequireRoleProps) {
  return (
    <RequireAuth>
      <RoleGate role={role} fallback={fallback}>
        {children}
      </RoleGate>
    </RequireAuth>
  );
}

function RoleGate({ role, fallback, children }: RequireRoleProps) {
  const allowed = useAppSelector((s) => selectHasRole(s, role));
  if (!allowed) {
    return (
      <Alert variant="warning" data-testid="forbidden" className="mt-4">
        {fallback}
      </Alert>
    );
  }
  return children ?? <Outlet />;
}
