import { addDays } from '../../../../domain/dates'
import { comparisonNote } from '../lib/compare'
import { formatDay } from '../lib/dates'
import { formatExactValue, formatMetricValue } from '../lib/format'
import { METRIC_LABELS, OBJECT_TYPE_LABELS } from '../lib/usage-series'
import { formatDaysElapsed, type MetricTotal, type Projection } from '../lib/usage-summary'
import { ChangeText } from './change-text'
import type { DateRange } from '../../../../domain/usage'
import type { Comparison } from '../lib/usage-view'

interface UsageTotalsProps {
  totals: MetricTotal[]
  /** Totals of the range before (see `comparison`); undefined while they load or if they failed. */
  previousTotals: MetricTotal[] | undefined
  /**
   * The totals the change is measured with, when they are not `totals`: a running range's whole
   * days so far (today left out); undefined while they load.
   */
  comparedTotals?: MetricTotal[] | undefined
  comparison: Comparison | null
  /** Per metric, for the current subscription period only. */
  projections: Partial<Record<MetricTotal['metric'], Projection>> | null
  period: DateRange | null
}

/** Totals per metric for the range, the change against the range before, and the projection. */
export function UsageTotals({
  totals,
  previousTotals,
  comparedTotals = totals,
  comparison,
  projections,
  period,
}: UsageTotalsProps) {
  const anyProjection = projections && Object.values(projections)[0]
  return (
    <section aria-labelledby="usage-totals-heading" className="stack-sm">
      <h2 id="usage-totals-heading" className="visually-hidden">
        Totals
      </h2>
      <ul className="usage-totals">
        {totals.map((total) => {
          const previous = previousTotals?.find((p) => p.metric === total.metric)
          const compared = comparedTotals?.find((p) => p.metric === total.metric)
          const projection = projections?.[total.metric]
          return (
            <li key={total.metric} className="ui-card usage-total">
              <h3 className="usage-total__label">{METRIC_LABELS[total.metric]}</h3>
              <p className="usage-total__value" title={formatExactValue(total.metric, total.total)}>
                {formatMetricValue(total.metric, total.total)}
              </p>
              <p className="usage-total__split muted">
                {Object.entries(total.byObjectType)
                  .map(
                    ([type, value]) =>
                      `${OBJECT_TYPE_LABELS[type as keyof typeof OBJECT_TYPE_LABELS]}: ${formatMetricValue(total.metric, value)}`,
                  )
                  .join(' · ')}
              </p>
              {comparison && (
                <p className="usage-total__change">
                  <ChangeText
                    current={compared?.total ?? total.total}
                    previous={compared ? previous?.total : undefined}
                    formatPrevious={(value) => formatMetricValue(total.metric, value)}
                    what="usage"
                  />
                </p>
              )}
              {projection && period && (
                <p className="usage-total__projection">
                  Projected for the whole period:{' '}
                  <strong>{formatMetricValue(total.metric, projection.projected)}</strong>
                </p>
              )}
            </li>
          )
        })}
      </ul>
      {comparison && <p className="muted usage-footnote">{comparisonNote(comparison)}</p>}
      {anyProjection && period && (
        <p className="muted usage-footnote">
          Projection: the period&apos;s usage so far, over the {formatDaysElapsed(anyProjection)} passed up to
          now (today&apos;s elapsed part included), continued at the same pace until the period ends with{' '}
          {formatDay(addDays(period.end, -1))} (UTC).
        </p>
      )}
    </section>
  )
}
