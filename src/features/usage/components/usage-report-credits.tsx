// The monthly report's body for the current generation: the credits total, the chart of credits per
// project, the per-project table and the credits per day. Only renders: the sums are ../lib's.
import { useMemo } from 'react'
import { utcToday } from '../../../../domain/dates'
import type { DateRange } from '../../../../domain/usage'
import { EmptyState } from '../../../components/ui/query-state'
import { comparisonNote } from '../lib/compare'
import {
  creditsChartRows,
  creditsSeries,
  projectRows,
  seriesTotal,
  type CreditsData,
} from '../lib/project-credits'
import { projectToPeriodEnd } from '../lib/usage-summary'
import type { Comparison } from '../lib/usage-view'
import { CreditsChart } from './credits-chart'
import { CreditsTotal } from './credits-total'
import { CreditsBucketTable, ProjectTable } from './credits-tables'

interface ReportCreditsProps {
  data: CreditsData
  /** The period before, to compare with; undefined while it loads or if it failed. */
  previousData: CreditsData | undefined
  /** Credits of a still running period's whole days so far (the change's); undefined while they load. */
  soFarData?: CreditsData | undefined
  comparison: Comparison | null
  now: Date
  /** The period's dates when it is still running (usage-report.ts `runningRange`): the total and each project get a projection to its end. */
  running: DateRange | null
}

const ALL_PROJECTS = { kind: 'all' } as const

/** Default export: loaded only when the API answers in the current generation. */
export default function ReportCredits({
  data,
  previousData,
  soFarData,
  comparison,
  now,
  running: period,
}: ReportCreditsProps) {
  const series = useMemo(() => creditsSeries(data, ALL_PROJECTS), [data])
  const today = utcToday(now)
  const rows = useMemo(() => creditsChartRows(data, series, today), [data, series, today])
  const projects = useMemo(
    () =>
      projectRows(data, ALL_PROJECTS, {
        previous: previousData,
        soFar: comparison?.isPartial ? (soFarData ?? null) : data,
        period,
        now,
      }),
    [data, previousData, soFarData, comparison, period, now],
  )

  if (data.buckets.length === 0 || !data.range)
    return (
      <EmptyState title="No usage data for this period">
        The API returned no buckets for it. Pick another period above.
      </EmptyState>
    )

  const total = seriesTotal(series)
  const previousTotal = previousData ? seriesTotal(creditsSeries(previousData, ALL_PROJECTS)) : undefined
  const projection = period ? projectToPeriodEnd(total, period, now) : null

  return (
    <>
      <CreditsTotal
        label="Credits, all projects"
        level={3}
        total={total}
        previousTotal={previousTotal}
        comparedTotal={
          comparison?.isPartial ? soFarData && seriesTotal(creditsSeries(soFarData, ALL_PROJECTS)) : total
        }
        isCompared={comparison !== null}
        projection={projection}
      />
      {/* What the change is measured against, as the 2022 report says under its totals. */}
      {comparison && <p className="muted usage-footnote">{comparisonNote(comparison)}</p>}
      <section className="usage-report__section" aria-labelledby="project-table-heading">
        <h3 id="project-table-heading">Per project</h3>
        <ProjectTable rows={projects} hasProjection={period !== null} />
      </section>
      <section className="usage-report__section usage-report__charts" aria-label="Chart">
        <div className="usage-report__chart">
          <CreditsChart interval="day" rows={rows} series={series} />
        </div>
      </section>
      <section className="usage-report__section" aria-labelledby="report-per-day-heading">
        <h3 id="report-per-day-heading">Per day</h3>
        <CreditsBucketTable data={data} series={series} interval="day" today={today} />
      </section>
    </>
  )
}
