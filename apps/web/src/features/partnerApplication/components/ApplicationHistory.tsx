import type { PartnerApplicationDto } from '@roastery/contracts';
import Table from 'react-bootstrap/Table';
import { ApplicationStatusBadge } from './ApplicationStatusCard';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Earlier applications, newest first. */
export function ApplicationHistory({ history }: { history: PartnerApplicationDto[] }) {
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="history-heading" className="mt-4">
      <h2 id="history-heading" className="h6 text-uppercase text-muted">
        Earlier applications
      </h2>
      <Table size="sm" responsive>
        <thead>
          <tr>
            <th scope="col">Submitted</th>
            <th scope="col">Business</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {history.map((a) => (
            <tr key={a.id}>
              <td>{day.format(new Date(a.submittedAt))}</td>
              <td>{a.businessName}</td>
              <td>
                <ApplicationStatusBadge status={a.status} />
              </td>
              <td>{a.rejectionReason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
