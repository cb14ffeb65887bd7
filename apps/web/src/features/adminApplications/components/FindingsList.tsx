import type { ApplicationFinding } from '@roastery/contracts';

/** Automatic checks on an application; an empty list is shown as "no findings". */
export function FindingsList({ findings }: { findings: ApplicationFinding[] }) {
  if (findings.length === 0) {
    return (
      <p className="small text-success mb-0" data-testid="no-findings">
        ✓ No automatic findings
      </p>
    );
  }
  return (
    <ul className="list-unstyled mb-0" aria-label="Findings" data-testid="findings">
      {findings.map((f) => (
        <li key={f.code} className="small text-warning-emphasis bg-warning-subtle rounded px-2 py-1 mb-1" data-code={f.code}>
          <span aria-hidden="true">⚠ </span>
          {f.message}
        </li>
      ))}
    </ul>
  );
}
