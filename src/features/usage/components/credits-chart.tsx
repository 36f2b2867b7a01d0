// Credits per project, stacked: areas for days, bars for months. It renders what
// ../lib/project-credits computed; it computes nothing itself. Animations are off, as in usage-chart.
import { memo } from 'react'
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  XAxis,
  YAxis,
  type BaseTickContentProps,
  type TooltipContentProps,
} from 'recharts'
import type { UsageInterval } from '../../../api/types'
import { formatSpan } from '../lib/dates'
import { AxisTick } from './axis-tick'
import { useDateAxis } from './use-date-axis'
import { OnDemandTooltip, useTooltipWanted } from './on-demand-tooltip'
import { formatAxisTick, formatExactValue } from '../lib/format'
import type { CreditsChartRow, CreditsSeries } from '../lib/project-credits'
import { sumValues } from '../lib/usage-summary'
import { budgetReferenceLine } from './budget-line'
import { CompareCaption } from './compare-caption'
import { PartialCaption, partialBucketArea, partialHatchDefs } from './partial-bucket'
import { PREVIOUS_BAR_STYLE, PREVIOUS_STYLE } from './previous-style'
import type { DateRange } from '../../../../domain/usage'
import type { BudgetLine } from './use-budget-status'

const CHART_HEIGHT = 280
const MARGIN = { top: 8, right: 20, bottom: 0, left: 0 }

/** The colour of a series: projects by rank, then the other projects and the deleted ones. */
export function creditsColor(series: CreditsSeries, index: number): string {
  if (series.kind === 'other') return 'var(--credits-color-other)'
  if (series.kind === 'deleted') return 'var(--credits-color-deleted)'
  return `var(--credits-color-${index % 6})`
}

export interface CreditsChartProps {
  interval: UsageInterval
  rows: CreditsChartRow[]
  series: CreditsSeries[]
  /** The credit budget's pace per day, drawn as a dashed line (day buckets of the current period). */
  budgetLine?: BudgetLine
  /** When comparing: the shown and previous ranges; `rows` then carry the previous credits (`prev`). */
  compared?: { shown: DateRange; previous: DateRange }
}

export const CreditsChart = memo(function CreditsChart({
  interval,
  rows,
  series,
  budgetLine,
  compared,
}: CreditsChartProps) {
  const { ticks, formatTick, dot } = useDateAxis(rows, interval)
  const tooltip = useTooltipWanted()
  const axes = [
    <CartesianGrid key="grid" vertical={false} stroke="var(--color-border)" />,
    <XAxis
      key="x"
      dataKey="start"
      ticks={ticks}
      interval={0}
      tick={(props: BaseTickContentProps) => (
        <AxisTick {...props} text={formatTick(String(props.payload.value))} dy={12} />
      )}
      stroke="var(--color-border-strong)"
    />,
    <YAxis
      key="y"
      width={72}
      interval={0}
      tick={(props: BaseTickContentProps) => (
        <AxisTick {...props} text={formatAxisTick('credits', Number(props.payload.value))} dy={4} />
      )}
      stroke="var(--color-border-strong)"
    />,
    tooltip.wanted && (
      <OnDemandTooltip key="tooltip" content={(props) => <CreditsTooltip {...props} series={series} />} />
    ),
    budgetLine && budgetReferenceLine(budgetLine.perDay),
    partialHatchDefs(),
    partialBucketArea(rows),
  ]
  const chartProps = {
    data: rows,
    margin: MARGIN,
    responsive: true as const,
    style: { width: '100%', height: CHART_HEIGHT },
  }

  return (
    <figure className="usage-chart" aria-labelledby="credits-chart-title">
      <figcaption className="usage-chart__header">
        <h3 id="credits-chart-title">Credits per project</h3>
        <ul className="usage-legend" aria-label="Series">
          {series.map((s, index) => (
            <li key={s.key} className="usage-legend__label">
              <span
                className="usage-legend__swatch"
                style={{ background: creditsColor(s, index) }}
                aria-hidden="true"
              />
              {s.label}
            </li>
          ))}
        </ul>
        {compared && <CompareCaption {...compared} />}
        <PartialCaption rows={rows} />
        {budgetLine && <p className="usage-chart__budget">{budgetLine.label}</p>}
      </figcaption>
      <div className="usage-chart__plot" data-testid="credits-plot" {...tooltip.triggers}>
        {interval === 'day' ? (
          <AreaChart {...chartProps}>
            {axes}
            {compared && (
              <Area
                dataKey="prev"
                name="Previous range"
                type="linear"
                {...PREVIOUS_STYLE}
                stroke="var(--usage-color-previous)"
                fill="var(--usage-color-previous)"
              />
            )}
            {series.map((s, index) => (
              <Area
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="credits"
                type="linear"
                stroke={creditsColor(s, index)}
                fill={creditsColor(s, index)}
                fillOpacity={0.3}
                strokeWidth={1.5}
                dot={dot}
                activeDot={{ r: 3 }}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        ) : (
          <BarChart {...chartProps}>
            {axes}
            {compared && (
              <Bar
                dataKey="prev"
                name="Previous range"
                {...PREVIOUS_BAR_STYLE}
                stroke="var(--usage-color-previous)"
                fill="var(--usage-color-previous)"
              />
            )}
            {series.map((s, index) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="credits"
                fill={creditsColor(s, index)}
                maxBarSize={48}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      </div>
    </figure>
  )
})

function CreditsTooltip({
  active,
  payload,
  series,
}: Pick<TooltipContentProps<number, string>, 'active' | 'payload'> & { series: CreditsSeries[] }) {
  const row = payload?.[0]?.payload as CreditsChartRow | undefined
  const hasPrevious = typeof row?.prevStart === 'string' && typeof row.prevEnd === 'string'
  // A bucket after today has no credits yet; only the previous range's, when comparing.
  if (!active || !row || (row.isFuture && !hasPrevious)) return null
  const value = (s: CreditsSeries) => Number(row[s.key] ?? 0)
  return (
    <div className="usage-tooltip" data-bucket-start={row.start}>
      <p className="usage-tooltip__title">{formatSpan(row.start, row.end)} (UTC)</p>
      {!row.isFuture && (
        <dl>
          {series.map((s, index) => (
            <div key={s.key}>
              <dt>
                <span className="usage-legend__swatch" style={{ background: creditsColor(s, index) }} />
                {s.label}
              </dt>
              <dd>{formatExactValue('credits', value(s))}</dd>
            </div>
          ))}
          {series.length > 1 && (
            <div className="usage-tooltip__total">
              <dt>Total</dt>
              <dd>{formatExactValue('credits', sumValues(series.map(value)))}</dd>
            </div>
          )}
        </dl>
      )}
      {hasPrevious && (
        <dl className="usage-tooltip__previous">
          <div>
            <dt>Previous range: {formatSpan(String(row.prevStart), String(row.prevEnd))}</dt>
            <dd>{formatExactValue('credits', Number(row.prev ?? 0))}</dd>
          </div>
        </dl>
      )}
    </div>
  )
}
