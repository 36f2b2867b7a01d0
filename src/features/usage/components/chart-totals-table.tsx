// The monthly report's totals of a level without parts: one row per chart of the model (a metric),
// a column per series label and their total.
import { formatBytes, formatExactValue } from '../lib/format'
import { sumValues } from '../lib/usage-summary'
import type { UsageModel, UsageModelChart } from '../model/usage-model'

/** Credits exact, as billed; volumes in decimal units (the exact bytes are in the per-day table). */
const tableValue = (chart: UsageModelChart, value: number) =>
  chart.unit === 'credits' ? formatExactValue(chart.metric, value) : formatBytes(value)

export function ChartTotalsTable({ model, caption }: { model: UsageModel; caption: string }) {
  const labels = [...new Set(model.charts.flatMap((chart) => chart.series.map((s) => s.label)))]
  return (
    <div className="ui-table-wrap" role="region" aria-labelledby="report-summary-caption" tabIndex={0}>
      <table className="ui-table usage-table">
        <caption id="report-summary-caption" className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {labels.map((label) => (
              <th key={label} scope="col" className="usage-table__number">
                {label}
              </th>
            ))}
            <th scope="col" className="usage-table__number">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {model.charts.map((chart) => {
            const totalOf = (label: string) =>
              sumValues(chart.series.filter((s) => s.label === label).flatMap((s) => s.values))
            const total = sumValues(chart.series.flatMap((s) => s.values))
            return (
              <tr key={chart.metric} data-metric={chart.metric}>
                <th scope="row">{chart.title}</th>
                {labels.map((label) => (
                  <td key={label} className="usage-table__number">
                    {tableValue(chart, totalOf(label))}
                  </td>
                ))}
                <td className="usage-table__number" data-value={total}>
                  {tableValue(chart, total)}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
