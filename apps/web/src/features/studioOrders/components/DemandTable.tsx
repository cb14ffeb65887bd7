import Table from 'react-bootstrap/Table';
import type { OptionDemandDto } from '@roastery/contracts';

const grams = (g: number | null) => (g === null ? '—' : g >= 1000 ? `${(g / 1000).toLocaleString('ko-KR', { maximumFractionDigits: 2 })} kg` : `${g} g`);

/** How much to roast: units and weight per option. */
export function DemandTable({ demand, testId }: { demand: OptionDemandDto[]; testId: string }) {
  return (
    <Table size="sm" className="mb-2" data-testid={testId}>
      <thead>
        <tr>
          <th>Coffee</th>
          <th>Option</th>
          <th className="text-end">Units</th>
          <th className="text-end">To roast</th>
        </tr>
      </thead>
      <tbody>
        {demand.map((d) => (
          <tr key={d.optionId} data-testid="demand-row" data-option-id={d.optionId}>
            <td>{d.productName}</td>
            <td>{d.optionLabel}</td>
            <td className="text-end" data-testid="demand-units">
              {d.units}
            </td>
            <td className="text-end" data-testid="demand-grams">
              {grams(d.grams)}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
