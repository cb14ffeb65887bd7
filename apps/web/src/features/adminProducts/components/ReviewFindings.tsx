import type { ProductFinding, ProductOption, VersionDiffEntry } from '@roastery/contracts';
import Table from 'react-bootstrap/Table';
import { formatWon } from '../../../common/utils/format';
import { GRIND_LABELS, weightLabel } from '../../storefront/catalogLabels';

const FINDING_TITLES: Record<ProductFinding['code'], string> = {
  MISSING_FIELD: 'Missing field',
  PRICE_OUT_OF_BAND: 'Price out of band',
  SUSPECTED_DUPLICATE: 'Suspected duplicate',
  PRICE_CHANGED: 'Price changed',
  ORIGIN_CHANGED: 'Origin changed',
};

/** The automatic checks on a submission; an empty list is shown as "no findings". */
export function ReviewFindings({ findings }: { findings: ProductFinding[] }) {
  if (findings.length === 0) {
    return (
      <p className="small text-success mb-2" data-testid="no-findings">
        ✓ No automatic findings
      </p>
    );
  }
  return (
    <ul className="list-unstyled mb-2" aria-label="Findings" data-testid="findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className="small text-warning-emphasis bg-warning-subtle rounded px-2 py-1 mb-1" data-code={f.code}>
          <span aria-hidden="true">⚠ </span>
          <strong>{FINDING_TITLES[f.code] ?? f.code}:</strong> {f.message}
        </li>
      ))}
    </ul>
  );
}

function isOption(v: unknown): v is { weightGrams: number; grind: keyof typeof GRIND_LABELS; priceWon: number } {
  return typeof v === 'object' && v !== null && 'weightGrams' in v && 'grind' in v && 'priceWon' in v;
}

/** A diffed value as text: options read as `200 g · Whole bean · ₩18,000`, objects as compact JSON. */
export function formatDiffValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isOption(value)) return `${weightLabel(value.weightGrams)} · ${GRIND_LABELS[value.grind] ?? value.grind} · ${formatWon(value.priceWon)}`;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(formatDiffValue).join('; ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([, v]) => typeof v !== 'object' || v === null)) return entries.map(([k, v]) => `${k}: ${formatDiffValue(v)}`).join(', ');
  }
  return JSON.stringify(value);
}

const OPTION_FIELD_LABELS: Record<string, string> = { priceWon: 'price', weightGrams: 'weight', grind: 'grind' };

/**
 * A diff path for people: `options.<id>.priceWon` names the option by its weight and grind (ids
 * are stable, so the current content has it); other paths are shown as they come.
 */
export function diffFieldLabel(field: string, options: ProductOption[]): string {
  const match = /^options\.([^.]+)\.(\w+)$/.exec(field);
  if (!match) return field;
  const [, key, prop] = match;
  const option = options.find((o) => o.id === key) ?? (/^\d+$/.test(key) ? options[Number(key)] : undefined);
  const what = OPTION_FIELD_LABELS[prop] ?? prop;
  return option ? `${weightLabel(option.weightGrams)} ${GRIND_LABELS[option.grind]}: ${what}` : `option ${key.slice(0, 8)}: ${what}`;
}

function diffValue(field: string, value: unknown): string {
  return /priceWon$/.test(field) && typeof value === 'number' ? formatWon(value) : formatDiffValue(value);
}

/** What changed since the last approved version; a first submission has nothing to compare. */
export function VersionDiff({ diff, version, options }: { diff: VersionDiffEntry[]; version: number; options: ProductOption[] }) {
  if (diff.length === 0) {
    return (
      <p className="small text-muted mb-0" data-testid="diff-empty">
        {version > 1 ? 'No reviewed field changed since the approved version.' : 'First submission: nothing to compare.'}
      </p>
    );
  }
  return (
    <Table size="sm" bordered responsive className="small mb-0" data-testid="version-diff">
      <caption className="caption-top py-1">Changes since the approved version</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {diff.map((d) => (
          <tr key={d.field} data-testid="diff-row" data-field={d.field}>
            <th scope="row" className="fw-normal text-break">
              {diffFieldLabel(d.field, options)}
            </th>
            <td className="text-danger-emphasis bg-danger-subtle text-break">
              <del>{diffValue(d.field, d.before)}</del>
            </td>
            <td className="text-success-emphasis bg-success-subtle text-break">
              <ins className="text-decoration-none">{diffValue(d.field, d.after)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
