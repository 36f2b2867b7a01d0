// The only module that draws with recharts. It renders what the pure transforms in ../lib computed;
// it computes nothing itself. Animations are off: they would delay the first frame and every
// hover of a 366-day chart, and tell an admin nothing.
import { lazy, memo, Suspense } from 'react'
import {
  Area,
  AreaChart,
  CartesianGrid,
  XAxis,
  YAxis,
  type BaseTickContentProps,
  type TooltipContentProps,
} from 'recharts'
import type { UsageInterval, UsageMetric } from '../../../api/types'
import { sumValues } from '../lib/usage-summary'
import { budgetReferenceLine } from './budget-line'
import { previousSeriesProps, SERIES_COLOR } from './series-colors'
import type { BudgetLine } from './use-budget-status'
import { formatSpan } from '../lib/dates'
import { AxisTick } from './axis-tick'
import { useDateAxis } from './use-date-axis'
import { OnDemandTooltip, useTooltipWanted } from './on-demand-tooltip'
import { CompareCaption } from './compare-caption'
import { PartialCaption, partialBucketArea, partialHatchDefs } from './partial-bucket'
import { PREVIOUS_STYLE } from './previous-style'
import type { ComparedChartRow } from '../lib/compare'
import type { DateRange } from '../../../../domain/usage'
import { formatAxisTick, formatExactValue, formatMetricValue } from '../lib/format'
import {
  METRIC_LABELS,
  OBJECT_TYPE_LABELS,
  type ChartRow,
  type Series,
  type SeriesKey,
} from '../lib/usage-series'

const loadBarPlot = () => import('./usage-bar-plot')
const UsageBarPlot = lazy(loadBarPlot)

/** Starts loading the monthly chart's code, e.g. from the route's prefetch beside the data. */
export function preloadMonthlyChart(): void {
  void loadBarPlot()
}

const CHART_HEIGHT = 240
const MARGIN = { top: 8, right: 20, bottom: 0, left: 0 }

export interface UsageChartProps {
  metric: UsageMetric
  interval: UsageInterval
  rows: ChartRow[]
  /** The series of this metric, shown or hidden. */
  series: Series[]
  hidden: ReadonlySet<SeriesKey>
  onToggleSeries: (key: SeriesKey) => void
  /** The credit budget's pace per day (credits chart, day buckets of the current period). */
  budgetLine?: BudgetLine
  /** When comparing: the shown and previous ranges; `rows` then carry the previous values. */
  compared?: { shown: DateRange; previous: DateRange }
}

export const UsageChart = memo(function UsageChart({
  metric,
  interval,
  rows,
  series,
  hidden,
  onToggleSeries,
  budgetLine,
  compared,
}: UsageChartProps) {
  const titleId = `usage-chart-${metric}`
  const shown = series.filter((s) => !hidden.has(s.key))
  const { ticks, formatTick, dot } = useDateAxis(rows, interval)
  const tooltip = useTooltipWanted()
  const axes = (
    <>
      <CartesianGrid vertical={false} stroke="var(--color-border)" />
      <XAxis
        dataKey="start"
        ticks={ticks}
        interval={0}
        tick={(props: BaseTickContentProps) => (
          <AxisTick {...props} text={formatTick(String(props.payload.value))} dy={12} />
        )}
        stroke="var(--color-border-strong)"
      />
      <YAxis
        width={72}
        interval={0}
        tick={(props: BaseTickContentProps) => (
          <AxisTick {...props} text={formatAxisTick(metric, Number(props.payload.value))} dy={4} />
        )}
        stroke="var(--color-border-strong)"
        allowDecimals={metric === 'credits'}
      />
      {tooltip.wanted && (
        <OnDemandTooltip content={(props) => <UsageTooltip {...props} metric={metric} shown={shown} />} />
      )}
      {partialHatchDefs()}
      {partialBucketArea(rows)}
    </>
  )
  const chartProps = {
    data: rows,
    margin: MARGIN,
    responsive: true as const,
    style: { width: '100%', height: CHART_HEIGHT },
  }

  return (
    <figure className="usage-chart" aria-labelledby={titleId}>
      <figcaption className="usage-chart__header">
        <h3 id={titleId}>{METRIC_LABELS[metric]}</h3>
        <ul className="usage-legend" aria-label={`${METRIC_LABELS[metric]} series`}>
          {series.map((s) => (
            <li key={s.key}>
              <button
                type="button"
                className="usage-legend__item"
                aria-pressed={!hidden.has(s.key)}
                onClick={() => onToggleSeries(s.key)}
              >
                <span
                  className="usage-legend__swatch"
                  style={{ background: SERIES_COLOR[s.objectType] }}
                  aria-hidden="true"
                />
                {OBJECT_TYPE_LABELS[s.objectType]}
              </button>
            </li>
          ))}
        </ul>
        {compared && <CompareCaption {...compared} />}
        <PartialCaption rows={rows} />
        {budgetLine && <p className="usage-chart__budget">{budgetLine.label}</p>}
      </figcaption>
      <div className="usage-chart__plot" data-testid={`usage-plot-${metric}`} {...tooltip.triggers}>
        {interval === 'day' ? (
          <AreaChart {...chartProps}>
            {axes}
            {budgetLine && budgetReferenceLine(budgetLine.perDay)}
            {compared &&
              series.map((s) => (
                <Area
                  key={`previous-${s.key}`}
                  type="linear"
                  {...PREVIOUS_STYLE}
                  {...previousSeriesProps(s, hidden)}
                />
              ))}
            {series.map((s) => (
              <Area
                key={s.key}
                dataKey={s.objectType}
                name={OBJECT_TYPE_LABELS[s.objectType]}
                stackId="usage"
                type="linear"
                stroke={SERIES_COLOR[s.objectType]}
                fill={SERIES_COLOR[s.objectType]}
                fillOpacity={0.25}
                strokeWidth={1.5}
                dot={dot}
                activeDot={{ r: 3 }}
                isAnimationActive={false}
                hide={hidden.has(s.key)}
              />
            ))}
          </AreaChart>
        ) : (
          <Suspense fallback={<div style={{ height: CHART_HEIGHT }} aria-hidden="true" />}>
            <UsageBarPlot chartProps={chartProps} series={series} hidden={hidden} hasPrevious={!!compared}>
              {axes}
            </UsageBarPlot>
          </Suspense>
        )}
      </div>
    </figure>
  )
})

function UsageTooltip({
  active,
  payload,
  metric,
  shown,
}: Pick<TooltipContentProps<number, string>, 'active' | 'payload'> & {
  metric: UsageMetric
  shown: Series[]
}) {
  const row = payload?.[0]?.payload as ComparedChartRow | undefined
  // A bucket after today has no usage yet; only the previous range's, when comparing.
  if (!active || !row || (row.isFuture && !row.previous)) return null
  const total = sumValues(shown.map((s) => row[s.objectType] ?? 0))
  const previous = row.previous
  return (
    <div className="usage-tooltip" data-bucket-start={row.start}>
      <p className="usage-tooltip__title">{formatSpan(row.start, row.end)} (UTC)</p>
      {!row.isFuture && (
        <dl>
          {shown.map((s) => (
            <div key={s.key}>
              <dt>
                <span className="usage-legend__swatch" style={{ background: SERIES_COLOR[s.objectType] }} />
                {OBJECT_TYPE_LABELS[s.objectType]}
              </dt>
              <dd>{exactValue(metric, row[s.objectType] ?? 0)}</dd>
            </div>
          ))}
          {shown.length > 1 && (
            <div className="usage-tooltip__total">
              <dt>Total</dt>
              <dd>{exactValue(metric, total)}</dd>
            </div>
          )}
        </dl>
      )}
      {previous && (
        <div className="usage-tooltip__previous">
          <p className="usage-tooltip__title">Previous range: {formatSpan(previous.start, previous.end)}</p>
          <dl>
            {shown.map((s) => (
              <div key={s.key}>
                <dt>{OBJECT_TYPE_LABELS[s.objectType]}</dt>
                <dd>{exactValue(metric, previous[s.objectType] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  )
}

/** "1.23 MB (1,234,567 bytes)" for volumes, the plain number for credits. */
function exactValue(metric: UsageMetric, value: number): string {
  if (metric === 'credits') return formatExactValue(metric, value)
  const rounded = formatMetricValue(metric, value)
  return rounded.endsWith(' bytes') ? rounded : `${rounded} (${formatExactValue(metric, value)} bytes)`
}
