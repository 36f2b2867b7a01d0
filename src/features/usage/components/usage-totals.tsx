// The totals block of every level: a card per chart of the model (its total, split by series
// where the level says so, the change against the range before, the weekly projection), and what the
// change and the projection rest on, said once under them.
import { useId } from 'react'
import { addDays } from '../../../../domain/dates'
import { WEEKLY_PROJECTION_METHOD } from '../../../../domain/weekly-projection'
import type { DateRange } from '../../../../domain/usage'
import { comparisonNote } from '../lib/compare'
import { formatDay } from '../lib/dates'
import { formatExactValue, formatMetricValue } from '../lib/format'
import { chartTotal, projectToPeriodEnd, sumValues } from '../lib/usage-summary'
import type { Comparison } from '../lib/comparison'
import type { UsageLevel } from '../model/levels'
import type { UsageModel } from '../model/usage-model'
import { ChangeText } from './change-text'

/** What a level's totals and per-part table are worked out from, on the usage page and the report. */
export interface ShownTotals {
  model: UsageModel
  /** The range before over the compared days (see `comparison`); undefined while it loads or if it failed. */
  totalsBefore: UsageModel | undefined
  /**
   * What the change is measured with, when it is not `model`: a running range's whole days so far
   * (today left out); undefined while they load.
   */
  soFar: UsageModel | undefined
  comparison: Comparison | null
  /** The current subscription period, when the range is it and `now` is in it: each total gets a projection. */
  period: DateRange | null
  /**
   * That period by day, which the weekly projection reads: `model` itself when it is by day, else
   * its own query; undefined while it loads.
   */
  daily: UsageModel | undefined
  now: Date
}

/** Totals per chart for the range, the change against the range before, and the projection. */
export function UsageTotals({
  level,
  totals: { model, totalsBefore: previous, soFar, comparison, period, daily, now },
}: {
  level: Pick<UsageLevel, 'splitsTotals' | 'fileWord'>
  totals: ShownTotals
}) {
  const compared = comparison?.isPartial ? soFar : model
  const projections = model.charts.map((chart) =>
    period && daily ? projectToPeriodEnd(daily, { metric: chart.metric }, period, now) : null,
  )
  const projectionId = useId()
  return (
    <section aria-labelledby="usage-totals-heading" className="stack-sm">
      <h2 id="usage-totals-heading" className="visually-hidden">
        Totals
      </h2>
      <ul className="usage-totals">
        {model.charts.map((chart, index) => {
          const total = chartTotal(model, chart.metric)
          const comparedTotal = compared && chartTotal(compared, chart.metric)
          const projection = projections[index]
          const format = (value: number) => formatMetricValue(chart.metric, value)
          const headingId = `usage-total-${chart.metric}`
          return (
            <li key={chart.metric}>
              <section aria-labelledby={headingId} className="ui-card usage-total">
                <h3 id={headingId} className="usage-total__label">
                  {chart.totalLabel}
                </h3>
                <p
                  className="usage-total__value"
                  title={formatExactValue(chart.metric, total)}
                  data-value={total}
                >
                  {format(total)}
                </p>
                {level.splitsTotals && (
                  <p className="usage-total__split muted">
                    {chart.series.map((s) => `${s.label}: ${format(sumValues(s.values))}`).join(' · ')}
                  </p>
                )}
                {comparison && (
                  <p className="usage-total__change">
                    <ChangeText
                      current={comparedTotal ?? total}
                      previous={
                        comparedTotal === undefined
                          ? undefined
                          : previous && chartTotal(previous, chart.metric)
                      }
                      formatPrevious={format}
                      what={level.fileWord}
                    />
                  </p>
                )}
                {projection && (
                  <p className="usage-total__projection" aria-describedby={projectionId}>
                    Projected for the whole period:{' '}
                    <strong data-value={projection.projected}>{format(projection.projected)}</strong>
                  </p>
                )}
              </section>
            </li>
          )
        })}
      </ul>
      {comparison && <p className="muted usage-footnote">{comparisonNote(comparison)}</p>}
      {period && projections.some((projection) => projection !== null) && (
        <p id={projectionId} className="muted usage-footnote" data-testid="projection-method">
          Projection to the period&apos;s end on {formatDay(addDays(period.end, -1))} (UTC):{' '}
          {WEEKLY_PROJECTION_METHOD}
        </p>
      )}
    </section>
  )
}
