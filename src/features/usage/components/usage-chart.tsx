// The one usage chart, for every level: a model chart's series stacked, areas for days and bars
// for months, the range before faint behind them when comparing. The only module that draws with
// recharts besides the bar plot; it renders what ../lib/chart-rows.ts computed and computes nothing
// itself. Animations are off: they would delay the first frame and every hover of a 366-day
// chart, and tell an admin nothing.
import { lazy, memo, Suspense, useCallback, useMemo } from 'react'
import { Link } from 'react-router'
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
import type { IsoDate } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import { unusualRule } from '../../../../domain/unusual-days'
import { PREVIOUS_TOTAL_KEY, type PreviousShape, type UsageChartRow } from '../lib/chart-rows'
import { formatSpan } from '../lib/dates'
import { formatAxisTick, formatExactValue, formatMetricValue } from '../lib/format'
import { sumValues } from '../lib/usage-summary'
import type { UsageModelChart, UsageModelSeries } from '../model/usage-model'
import { AxisTick } from './axis-tick'
import { budgetReferenceLine } from './budget-line'
import { CompareCaption } from './compare-caption'
import type { ChartTooltipProps } from './chart-tooltip'
import { OnDemandTooltip, useTooltipWanted } from './on-demand-tooltip'
import { bucketLine, stackTop, unusualMarks } from './chart-marks'
import { PartialCaption, partialBucketArea, partialHatchDefs } from './partial-bucket'
import { PREVIOUS_STYLE } from './previous-style'
import { previousPlots, valueOf } from './previous-plots'
import type { BudgetLine } from './use-budget-status'
import { useBucketKeys } from './use-bucket-keys'
import { useDateAxis } from './use-date-axis'

const loadBarPlot = () => import('./usage-bar-plot')
const UsageBarPlot = lazy(loadBarPlot)

/** Starts loading the monthly chart's code, e.g. from the route's prefetch beside the data. */
export function preloadMonthlyChart(): void {
  void loadBarPlot()
}

const MARGIN = { top: 8, right: 20, bottom: 0, left: 0 }

export interface UsageChartProps {
  chart: UsageModelChart
  interval: UsageInterval
  rows: UsageChartRow[]
  /** Pixels: several charts of a level side by side are lower than a level's one chart. */
  height: number
  /** Series keys hidden through the legend; with `onToggleSeries`, the legend's items are buttons. */
  hidden?: ReadonlySet<string>
  onToggleSeries?: (key: string) => void
  /** How the rows carry the range before (the level's `previous`). */
  previous: PreviousShape
  /** The credit budget's pace per day (credits, day buckets of the current period). */
  budgetLine?: BudgetLine
  /** When comparing: the shown and previous ranges; `rows` then carry the previous values. */
  compared?: { shown: DateRange; previous: DateRange }
  /** The buckets far from usual (their first days), marked on the chart and named in its description. */
  marks?: ReadonlySet<IsoDate>
  /** The bucket whose "why this day" panel is open. */
  chosen?: IsoDate | null
  /**
   * Chooses a bucket (a click, or Enter/Space on the focused chart); `opener` is what to give focus
   * back to. Without it, the chart is a picture (the report's).
   */
  onChoose?: (day: IsoDate, opener: HTMLElement) => void
  /**
   * The address of a part's own usage (the level's drill-down): a part's name in the legend links
   * there (a legend of toggles has no links).
   */
  partHref?: (part: string) => string
}

const NO_MARKS: ReadonlySet<IsoDate> = new Set()

// The grid has no vertical lines, but recharts still places them, measuring the text of every
// bucket's label (hundreds of days), unless something else says where they go: nowhere.
const NO_LINES = () => []

const NONE_HIDDEN: ReadonlySet<string> = new Set()

const ACTIVE_DOT = { r: 3 }

export const UsageChart = memo(function UsageChart({
  chart,
  interval,
  rows,
  height,
  hidden = NONE_HIDDEN,
  onToggleSeries,
  previous,
  budgetLine,
  compared,
  marks = NO_MARKS,
  chosen,
  onChoose,
  partHref,
}: UsageChartProps) {
  const { metric, series, title } = chart
  const titleId = `usage-chart-${metric}`
  const descriptionId = `usage-chart-${metric}-description`
  const shown = useMemo(() => series.filter((s) => !hidden.has(s.key)), [series, hidden])
  const { ticks, formatTick, dot } = useDateAxis(rows, interval)
  // Recharts compares its children's props to decide what to work out again: a tick renderer or a
  // tooltip made anew on each render would have it redo the axes and every series whenever a bucket
  // is reached or chosen, instead of only the line that moved.
  const xTick = useCallback(
    (props: BaseTickContentProps) => (
      <AxisTick {...props} text={formatTick(String(props.payload.value))} dy={12} />
    ),
    [formatTick],
  )
  const yTick = useCallback(
    (props: BaseTickContentProps) => (
      <AxisTick {...props} text={formatAxisTick(metric, Number(props.payload.value))} dy={4} />
    ),
    [metric],
  )
  const tooltipContent: ChartTooltipProps['content'] = useCallback(
    (props: Parameters<Extract<ChartTooltipProps['content'], (...args: never[]) => unknown>>[0]) => (
      <UsageTooltip {...props} metric={metric} shown={shown} previous={previous} />
    ),
    [metric, shown, previous],
  )
  const tooltip = useTooltipWanted()
  const keys = useBucketKeys(rows, chosen, onChoose, interval === 'day' ? 7 : 12)
  const reached = keys.isFocused ? rows[keys.current] : undefined
  const word = interval === 'day' ? 'day' : 'month'
  const markedRows = rows.filter((row) => marks.has(row.start))
  // Each part of the chart is an element kept while its inputs are the same: recharts registers
  // every axis, series and reference mark in a store of its own, and a part rendered again
  // registers again, each time working the whole chart out anew. Choosing or reaching a bucket
  // then redraws only its line.
  const grid = useMemo(
    () => (
      <CartesianGrid
        key="grid"
        vertical={false}
        verticalCoordinatesGenerator={NO_LINES}
        stroke="var(--color-border)"
      />
    ),
    [],
  )
  const xAxis = useMemo(
    () => (
      <XAxis
        key="x"
        dataKey="start"
        ticks={ticks}
        interval={0}
        tick={xTick}
        stroke="var(--color-border-strong)"
      />
    ),
    [ticks, xTick],
  )
  const yAxis = useMemo(
    () => (
      <YAxis
        key="y"
        width={72}
        interval={0}
        tick={yTick}
        stroke="var(--color-border-strong)"
        allowDecimals={metric === 'credits'}
      />
    ),
    [yTick, metric],
  )
  const tooltipElement = useMemo(
    () => tooltip.wanted && <OnDemandTooltip key="tooltip" content={tooltipContent} />,
    [tooltip.wanted, tooltipContent],
  )
  const budgetPerDay = budgetLine?.perDay
  const budget = useMemo(
    () => budgetPerDay !== undefined && budgetReferenceLine(budgetPerDay),
    [budgetPerDay],
  )
  const partial = useMemo(() => [partialHatchDefs(), partialBucketArea(rows, interval)], [rows, interval])
  const markDots = useMemo(() => unusualMarks(rows, marks, shown), [rows, marks, shown])
  const chosenLine = useMemo(() => bucketLine(chosen, 'chosen'), [chosen])
  const cursorLine = useMemo(() => bucketLine(reached?.start, 'cursor'), [reached?.start])
  const axes = [grid, xAxis, yAxis, tooltipElement, budget, ...partial, ...markDots, chosenLine, cursorLine]
  const handleClick = useCallback(
    (state: { activeLabel?: unknown } | null, event: { currentTarget?: unknown }) => {
      const day = state?.activeLabel
      const row = rows.find((r) => r.start === day)
      if (!onChoose || !row || row.isFuture) return
      const plot = (event.currentTarget as Element | undefined)?.closest?.<HTMLElement>('.usage-chart__plot')
      if (plot) onChoose(row.start, plot)
    },
    [rows, onChoose],
  )
  const chartProps = useMemo(
    () => ({
      data: rows,
      margin: MARGIN,
      responsive: true as const,
      style: { width: '100%', height },
      // The chart's keyboard and its name are the plot's own (use-bucket-keys.ts): recharts' layer
      // would make the picture an unnamed "application" with a second, different set of keys.
      accessibilityLayer: false as const,
      onClick: onChoose ? handleClick : undefined,
    }),
    [rows, height, onChoose, handleClick],
  )
  const plotProps = { chartProps, series, hidden, previous: compared ? previous : undefined }
  const previousShape = plotProps.previous
  const areas = useMemo(
    () => [
      ...previousPlots({ series, hidden, previous: previousShape }, (props) => (
        <Area type="linear" {...PREVIOUS_STYLE} {...props} />
      )),
      ...series.map((s) => (
        <Area
          key={s.key}
          dataKey={valueOf(s.key)}
          name={s.label}
          stackId="usage"
          type="linear"
          stroke={s.color}
          fill={s.color}
          fillOpacity={0.25}
          strokeWidth={1.5}
          dot={dot}
          activeDot={ACTIVE_DOT}
          isAnimationActive={false}
          hide={hidden.has(s.key)}
        />
      )),
    ],
    [series, hidden, previousShape, dot],
  )

  return (
    <figure className="usage-chart" aria-labelledby={titleId}>
      <figcaption className="usage-chart__header">
        <h3 id={titleId}>{title}</h3>
        <ul className="usage-legend" aria-label={`${title} series`}>
          {series.map((s) =>
            onToggleSeries ? (
              <li key={s.key}>
                <button
                  type="button"
                  className="usage-legend__item"
                  aria-pressed={!hidden.has(s.key)}
                  onClick={() => onToggleSeries(s.key)}
                >
                  <Swatch series={s} />
                  {s.label}
                </button>
              </li>
            ) : (
              <li key={s.key} className="usage-legend__label">
                <Swatch series={s} />
                {partHref && s.part !== undefined ? (
                  <Link to={partHref(s.part)} aria-label={`${s.part} usage`}>
                    {s.label}
                  </Link>
                ) : (
                  s.label
                )}
              </li>
            ),
          )}
        </ul>
        {compared && <CompareCaption {...compared} />}
        <PartialCaption rows={rows} />
        {budgetLine && <p className="usage-chart__budget">{budgetLine.label}</p>}
        {markedRows.length > 0 && (
          <p className="usage-chart__marks-caption">
            <span className="usage-chart__mark-swatch" aria-hidden="true" />
            <span>
              {`${markedRows.length} ${markedRows.length === 1 ? word : `${word}s`} far from usual`}
              <span className="muted">{`: ${unusualRule(interval)}`}</span>
            </span>
          </p>
        )}
      </figcaption>
      <p id={descriptionId} className="visually-hidden">
        {chartDescription(rows, shown.length, interval, markedRows, onChoose !== undefined)}
      </p>
      <div
        className="usage-chart__plot"
        data-testid={`usage-plot-${metric}`}
        role={onChoose ? 'application' : 'img'}
        aria-roledescription="chart"
        aria-label={`${title}, ${rows.length > 0 ? formatSpan(rows[0]!.start, rows.at(-1)!.end) : 'no buckets'}, by ${word}`}
        aria-describedby={descriptionId}
        tabIndex={onChoose ? 0 : undefined}
        data-chart-cursor={reached?.start}
        onPointerEnter={tooltip.triggers.onPointerEnter}
        onFocus={(event) => {
          tooltip.triggers.onFocus()
          keys.handlers.onFocus(event)
        }}
        onBlur={keys.handlers.onBlur}
        onKeyDown={keys.handlers.onKeyDown}
      >
        {interval === 'day' ? (
          <AreaChart {...chartProps}>
            {axes}
            {areas}
          </AreaChart>
        ) : (
          <Suspense fallback={<div style={{ height }} aria-hidden="true" />}>
            <UsageBarPlot {...plotProps}>{axes}</UsageBarPlot>
          </Suspense>
        )}
      </div>
      {onChoose && (
        <p className="visually-hidden" aria-live="polite" data-testid={`usage-chart-${metric}-live`}>
          {reached ? bucketSentence(reached, metric, shown, marks, chosen) : ''}
        </p>
      )}
    </figure>
  )
})

/** What the keyboard reached, read out: "Nov 23, 2026: 1,234.56 credits, far from usual." */
function bucketSentence(
  row: UsageChartRow,
  metric: UsageMetric,
  shown: readonly UsageModelSeries[],
  marks: ReadonlySet<IsoDate>,
  chosen: IsoDate | null | undefined,
): string {
  const value = formatMetricValue(metric, stackTop(row, shown))
  const facts = [
    marks.has(row.start) && 'far from usual',
    row.isPartial && 'so far, today is not over',
    row.start === chosen && 'explained below',
  ].filter(Boolean)
  return `${formatSpan(row.start, row.end)}: ${value}${metric === 'credits' ? ' credits' : ''}${facts.length ? `, ${facts.join(', ')}` : ''}.`
}

/** The chart's description: what it draws, which buckets are marked, and its keys. */
function chartDescription(
  rows: readonly UsageChartRow[],
  seriesCount: number,
  interval: UsageInterval,
  marked: readonly UsageChartRow[],
  isInteractive: boolean,
): string {
  const word = interval === 'day' ? 'day' : 'month'
  const what = `${interval === 'day' ? 'Stacked areas' : 'Stacked bars'} of ${seriesCount} ${seriesCount === 1 ? 'series' : 'series'}, ${rows.length} ${word}s; the table view has the numbers.`
  const marks =
    marked.length > 0
      ? ` Far from usual, and marked: ${marked.map((row) => formatSpan(row.start, row.end)).join('; ')}.`
      : ` No ${word} is far from usual.`
  const keys = isInteractive
    ? ` Arrow keys move between ${word}s, Home and End to the first and last, Enter or Space explains the ${word} reached; a click explains the ${word} clicked.`
    : ''
  return `${what}${marks}${keys}`
}

function Swatch({ series }: { series: UsageModelSeries }) {
  return <span className="usage-legend__swatch" style={{ background: series.color }} aria-hidden="true" />
}

function UsageTooltip({
  active,
  payload,
  metric,
  shown,
  previous: shape,
}: Pick<TooltipContentProps<number, string>, 'active' | 'payload'> & {
  metric: UsageMetric
  shown: UsageModelSeries[]
  previous: PreviousShape
}) {
  const row = payload?.[0]?.payload as UsageChartRow | undefined
  const previous = row?.previous
  // A bucket after today has no usage yet; only the previous range's, when comparing.
  if (!active || !row || (row.isFuture && !previous)) return null
  const value = (s: UsageModelSeries) => row.values[s.key] ?? 0
  return (
    <div className="usage-tooltip" data-bucket-start={row.start}>
      <p className="usage-tooltip__title">{formatSpan(row.start, row.end)} (UTC)</p>
      {!row.isFuture && (
        <dl>
          {shown.map((s) => (
            <div key={s.key}>
              <dt>
                <Swatch series={s} />
                {s.label}
              </dt>
              <dd>{exactValue(metric, value(s))}</dd>
            </div>
          ))}
          {shown.length > 1 && (
            <div className="usage-tooltip__total">
              <dt>Total</dt>
              <dd>{exactValue(metric, sumValues(shown.map(value)))}</dd>
            </div>
          )}
        </dl>
      )}
      {previous && (
        <div className="usage-tooltip__previous">
          <p className="usage-tooltip__title">Previous range: {formatSpan(previous.start, previous.end)}</p>
          <dl>
            {shape === 'total' ? (
              <div>
                <dt>Total</dt>
                <dd>{exactValue(metric, previous.values[PREVIOUS_TOTAL_KEY] ?? 0)}</dd>
              </div>
            ) : (
              shown.map((s) => (
                <div key={s.key}>
                  <dt>{s.label}</dt>
                  <dd>{exactValue(metric, previous.values[s.key] ?? 0)}</dd>
                </div>
              ))
            )}
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
