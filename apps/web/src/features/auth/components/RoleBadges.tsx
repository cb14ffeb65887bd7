import type { Role } from '@roastery/contracts';
import Badge from 'react-bootstrap/Badge';

const LOOK: Record<Role, { label: string; bg: string }> = {
  SUBSCRIBER: { label: 'Subscriber', bg: 'secondary' },
  PARTNER: { label: 'Partner', bg: 'success' },
  ADMIN: { label: 'Admin', bg: 'danger' },
};

/** One badge per role; `data-role` carries the machine value for tests. */
export function RoleBadges({ roles, testId }: { roles: readonly Role[]; testId?: string }) {
  return (
    <span className="d-inline-flex gap-1 align-items-center" data-testid={testId} aria-label={`Roles: ${roles.map((r) => LOOK[r].label).join(', ')}`}>
      {roles.map((role) => (
        <Badge key={role} bg={LOOK[role].bg} data-role={role} pill>
          {LOOK[role].label}
        </Badge>
      ))}
    </span>
  );
}
