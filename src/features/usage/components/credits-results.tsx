// The usage page for the current generation of the API: credits per project.
import { useMemo } from 'react'
import { Button } from '../../../components/ui/button'
import { SelectField } from '../../../components/ui/field'
import { EmptyState } from '../../../components/ui/query-state'
import { utcToday } from '../../../../domain/dates'
import { formatSpan } from '../lib/dates'
import {
  bucketTotals,
  creditsChartRows,
  creditsSeries,
  seriesTotal,
  DELETED_FILTER_PARAM,
  DELETED_PROJECTS_LABEL,
  parseProjectFilter,
  projectFilterParam,
  projectRows,
  type CreditsData,
  type ProjectFilter,
} from '../lib/project-credits'
import { containsNow, projectToPeriodEnd } from '../lib/usage-summary'
import { RANGE_LABELS, type Comparison, type UsageView } from '../lib/usage-view'
import { CreditsChart } from './credits-chart'
import { CreditsTotal } from './credits-total'
import { CreditsBucketTable, ProjectTable } from './credits-tables'
import { ORGANIZATION_BY_PROJECT } from '../model/levels'
import { modelOfCreditsData } from '../model/normalise-current'
import { useBudgetLine } from './use-budget-status'
import { DisplayToggle, type UsageDisplay } from './display-toggle'
import { CompareNotice } from './compare-notice'
import { comparisonNote, withPreviousCredits, type Compared } from '../lib/compare'
import { RangeSummary, unshownRange } from './not-started-state'
import { CsvButton } from './csv-button'

interface CreditsResultsProps {
  organization: string
  view: UsageView
  data: CreditsData
  /** The range before (see `comparison`); undefined while it loads or if it failed. */
  previousData: CreditsData | undefined
  /** A running range's whole days so far, which the change is measured with; undefined while they load. */
  soFarData?: CreditsData | undefined
  comparison: Comparison | null
  /** The previous range drawn behind the chart (`compare=previous`), aligned by position. */
  compared?: Compared<CreditsData>
  now: Date
  display: UsageDisplay
  onDisplayChange: (display: UsageDisplay) => void
  filter: ProjectFilter
  onFilterChange: (filter: ProjectFilter) => void
  /** The previous view's data is on screen while the new one loads. */
  isUpdating: boolean
}

/** Default export: loaded only when the API answers in the current generation. */
export default function CreditsResults({
  organization,
  view,
  data,
  previousData,
  soFarData,
  comparison,
  compared = { kind: 'off' },
  now,
  display,
  onDisplayChange,
  filter,
  onFilterChange,
  isUpdating,
}: CreditsResultsProps) {
  const series = useMemo(() => creditsSeries(data, filter), [data, filter])
  const today = utcToday(now)
  const previous = compared.kind === 'ready' ? compared.data : undefined
  const rows = useMemo(() => {
    const shown = creditsChartRows(data, series, today)
    return previous ? withPreviousCredits(shown, previous, filter) : shown
  }, [data, series, today, previous, filter])
  const isCurrentPeriod = view.range === 'period' && data.range !== null && containsNow(data.range, now)
  const period = isCurrentPeriod ? data.range : null
  const budgetLine = useBudgetLine(organization, filter.kind === 'all' ? period : null, view.interval)
  const projects = useMemo(
    () =>
      projectRows(data, filter, {
        previous: previousData,
        soFar: comparison?.isPartial ? (soFarData ?? null) : data,
        period,
        now,
      }),
    [data, filter, previousData, soFarData, comparison, period, now],
  )

  const unshown = unshownRange(data.range, data.buckets.length, today)
  if (unshown || !data.range) return unshown

  const total = seriesTotal(series)
  const previousTotal = previousData ? seriesTotal(creditsSeries(previousData, filter)) : undefined
  const comparedTotal = comparison?.isPartial
    ? soFarData && seriesTotal(creditsSeries(soFarData, filter))
    : total
  const projection = period ? projectToPeriodEnd(total, period, now) : null
  const bucketWord = view.interval === 'day' ? 'day' : 'month'
  const filterLabel =
    filter.kind === 'all'
      ? 'all projects'
      : filter.kind === 'deleted'
        ? 'deleted projects'
        : data.projects.some((p) => p.name === filter.name)
          ? filter.name
          : 'an unknown project'
  const hasDeleted = data.deleted.some((value) => value !== 0) || filter.kind === 'deleted'
  const isUnknownProject = filter.kind === 'project' && !data.projects.some((p) => p.name === filter.name)

  return (
    <div className="stack" aria-busy={isUpdating || undefined} data-updating={isUpdating || undefined}>
      <RangeSummary
        range={data.range}
        rangeLabel={RANGE_LABELS[view.range]}
        bucketWord={bucketWord}
        bucketCount={data.buckets.length}
      />
      <SelectField
        label="Project"
        className="credits-filter"
        value={projectFilterParam(filter) ?? ''}
        onChange={(event) => onFilterChange(parseProjectFilter(event.target.value || null))}
        hint="The chart, both tables and the CSV show what is picked here."
      >
        <option value="">All projects</option>
        {isUnknownProject && <option value={projectFilterParam(filter) ?? ''}>Unknown project</option>}
        {data.projects.map((project) => (
          <option key={project.id} value={project.name}>
            {project.name}
          </option>
        ))}
        {hasDeleted && <option value={DELETED_FILTER_PARAM}>{DELETED_PROJECTS_LABEL}</option>}
      </SelectField>
      <CreditsTotal
        label={`Credits, ${filterLabel}`}
        level={2}
        total={total}
        previousTotal={previousTotal}
        comparedTotal={comparedTotal}
        isCompared={comparison !== null}
        projection={projection}
      />
      {isUnknownProject ? (
        <EmptyState
          title="This project has no usage in this range"
          action={<Button onClick={() => onFilterChange({ kind: 'all' })}>Show all projects</Button>}
        >
          It is not in the API&apos;s answer for this range: it may have been deleted, or belong to another
          organization.
        </EmptyState>
      ) : (
        <>
          {seriesTotal(series) === 0 && (
            <p className="ui-notice ui-notice--info" role="status">
              No credits were used in this range: every {bucketWord} is 0.
            </p>
          )}
          <CompareNotice compared={compared} />
          <div className="usage-toolbar">
            <DisplayToggle display={display} onDisplayChange={onDisplayChange} chartLabel="Chart" />
            <div className="usage-toolbar__export">
              <CsvButton
                level={ORGANIZATION_BY_PROJECT}
                organization={organization}
                interval={view.interval}
                model={() => modelOfCreditsData(data, filter, view.interval)}
                previous={previous && (() => modelOfCreditsData(previous, filter, view.interval))}
                today={today}
                disabled={series.length === 0}
              />
              <p className="muted usage-footnote">
                The table and the CSV hold the {series.length} series of the chart
                {previous ? ', with the previous range’s credits beside them' : ''}.
              </p>
            </div>
          </div>
          {display === 'chart' ? (
            <div className="usage-charts">
              <CreditsChart
                interval={view.interval}
                rows={rows}
                series={series}
                budgetLine={budgetLine}
                compared={
                  compared.kind === 'ready' ? { shown: data.range, previous: compared.range } : undefined
                }
              />
            </div>
          ) : (
            <CreditsBucketTable
              data={data}
              series={series}
              interval={view.interval}
              today={today}
              previous={
                previous && {
                  buckets: previous.buckets,
                  totals: bucketTotals(previous, creditsSeries(previous, filter)),
                  total: previousTotal,
                  span: comparison
                    ? formatSpan(comparison.previous.start, comparison.previous.end)
                    : undefined,
                }
              }
            />
          )}
          <section aria-labelledby="project-table-heading" className="stack-sm">
            <h3 id="project-table-heading">Credits per project</h3>
            <ProjectTable rows={projects} hasProjection={period !== null} />
            {comparison && <p className="muted usage-footnote">{comparisonNote(comparison)}</p>}
          </section>
        </>
      )}
    </div>
  )
}
