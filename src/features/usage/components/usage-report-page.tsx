import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { useLatestSearchParams } from '../../../hooks/use-latest-search-params'
import { formatSubscription } from '../../../../domain/subscriptions'
import type { DateRange } from '../../../../domain/usage'
import { Button } from '../../../components/ui/button'
import { SelectField } from '../../../components/ui/field'
import { EmptyState, ErrorState, PendingState, Skeleton } from '../../../components/ui/query-state'
import { formatDateTime } from '../../../lib/format-date'
import { paths } from '../../../lib/paths'
import { organizationQueries } from '../../organizations/queries'
import { formatLongSpan } from '../lib/dates'
import type { UsageAnswer } from '../../../api/model'
import type { UsageInterval } from '../../../api/types'
import { organizationLevel } from '../model/levels'
import {
  reportPeriodOf,
  reportPeriodOptions,
  reportRange,
  periodSentences,
  reportFileName,
  runningRange,
  type ReportPeriodOption,
} from '../lib/usage-report'
import { reportPlan } from '../lib/usage-plan'
import { totalsInterval } from '../lib/usage-ranges'
import { useComparedTotals } from './use-compared-totals'
import { usageQueries } from '../queries'
import { UsageReportBody } from './usage-report-body'
import '../usage.css'
import './usage-report.css'

/** The report shows every part of a level with a series filter. */
const ALL_PARTS = { kind: 'all' } as const

/**
 * /organizations/:name/usage/report?period=… — one period's usage on a page that prints: the
 * organization, its subscription, the period's dates, the totals, the charts and the tables, and
 * when it was made. The period lives in the URL (domain/report-periods.ts); print styles are in
 * ./usage-report.css.
 */
export function UsageReportPage() {
  const { name = '' } = useParams()
  const [searchParams, setSearchParams] = useLatestSearchParams()
  // One clock per visit: the period, the projection and "generated at" agree.
  const [now] = useState(() => new Date())
  const detail = useQuery(organizationQueries.detail(name))
  const subscriptionStart = detail.data?.subscription_start_date
  const periodParam = searchParams.get('period')
  const period = useMemo(
    () => reportPeriodOf(periodParam, subscriptionStart, now),
    [periodParam, subscriptionStart, now],
  )
  const request = period ? reportPlan(period, null, now).shown : { interval: 'day' as const }
  const usage = useQuery({ ...usageQueries.range(name, request), enabled: period !== null })

  // The dates asked for; the current period's come from the subscription when it is known, else
  // from the answer's buckets (the API picks the period).
  const requested = useMemo(
    () => period && reportRange(period, subscriptionStart, now),
    [period, subscriptionStart, now],
  )
  // The answer says which generation it is, and so which level reads it; the report shows every project.
  const level = usage.data ? organizationLevel(usage.data.generation) : undefined
  const normalise = useCallback(
    (answer: UsageAnswer | undefined, dates: DateRange | null, interval: UsageInterval) =>
      answer && level?.normalise(answer, dates, interval, ALL_PARTS),
    [level],
  )
  const model = useMemo(() => normalise(usage.data, requested, 'day'), [normalise, usage.data, requested])
  const range = model?.range ?? null

  const comparison = useMemo(() => period && reportPlan(period, range, now).comparison, [range, period, now])
  const comparedTotals = useComparedTotals(name, comparison, !usage.isPlaceholderData)
  const totalsBefore =
    comparison &&
    normalise(comparedTotals.totalsBefore, comparison.previous, totalsInterval(comparison.previous))
  const soFar =
    comparison && normalise(comparedTotals.shownSoFar, comparison.current, totalsInterval(comparison.current))

  const options = useMemo(
    () => reportPeriodOptions(subscriptionStart, now, period ?? { kind: 'current' }),
    [subscriptionStart, now, period],
  )
  const span = range ? formatLongSpan(range.start, range.end) : null
  // The current subscription period, or the current calendar month: totals so far, and a projection.
  const running = runningRange(range, now)

  function changePeriod(value: string) {
    setSearchParams(value ? { period: value } : {})
  }

  return (
    <article className="usage-page usage-report stack" aria-labelledby="usage-report-title">
      <title>{`Usage report${span ? ` · ${span}` : ''} · ${name}`}</title>
      <header className="usage-report__header">
        <div className="usage-report__heading">
          <h2 id="usage-report-title">Usage report{span && <>, {span}</>}</h2>
          <dl className="usage-report__facts">
            <div>
              <dt>Organization</dt>
              <dd>{name}</dd>
            </div>
            <div>
              <dt>Subscription</dt>
              <dd>{detail.data ? formatSubscription(detail.data.subscription) : '…'}</dd>
            </div>
            <div>
              <dt>Period (UTC)</dt>
              <dd data-testid="report-period">
                {range && period
                  ? periodSentences(period, range, now).map((sentence) => (
                      <span key={sentence} className="usage-report__sentence">
                        {sentence}{' '}
                      </span>
                    ))
                  : '…'}
              </dd>
            </div>
            <div>
              <dt>Generated</dt>
              <dd>
                <time dateTime={now.toISOString()}>{formatDateTime(now)}</time>
              </dd>
            </div>
          </dl>
        </div>
        <div className="usage-report__controls">
          <form aria-label="Report period" onSubmit={(event) => event.preventDefault()}>
            <SelectField
              label="Period"
              value={period ? (periodParam ?? '') : ''}
              onChange={(event) => changePeriod(event.target.value)}
            >
              <PeriodOptions options={options} />
            </SelectField>
          </form>
          <Button variant="primary" onClick={() => window.print()}>
            Print
          </Button>
          <Button onClick={() => range && downloadPdf(reportFileName(name, range))} disabled={!range}>
            Download PDF
          </Button>
          <p className="muted usage-footnote usage-report__pdf-hint">
            Download PDF opens the print dialog: choose “Save as PDF” as the printer. Pages are numbered.
          </p>
          <Link to={paths.usage(name)} className="usage-report__back">
            Back to usage
          </Link>
        </div>
      </header>
      {!period ? (
        <EmptyState
          title="This period cannot be reported"
          action={<Link to={paths.usageReport(name)}>Report the current subscription period</Link>}
        >
          The address names no period of this organization that has started: use a calendar month (YYYY-MM) or
          the first day of one of its subscription periods (YYYY-MM-DD).
        </EmptyState>
      ) : usage.isPending ? (
        <PendingState label="Loading the report">
          <Skeleton height="6rem" />
          <Skeleton height="15rem" />
        </PendingState>
      ) : usage.isError ? (
        <ErrorState
          title="Could not load the usage"
          error={usage.error}
          onRetry={() => void usage.refetch()}
          isRetrying={usage.isFetching}
        />
      ) : level && model ? (
        <UsageReportBody
          level={level}
          model={model}
          totalsBefore={totalsBefore ?? undefined}
          soFar={soFar ?? undefined}
          comparison={comparison}
          now={now}
          running={running}
        />
      ) : null}
    </article>
  )
}

/**
 * The report as a PDF, by the browser's own print-to-PDF ("Save as PDF" as the printer): the same
 * print styles and page numbers as on paper, and no PDF library in the bundle. The page's title is
 * the file's name while the dialog is open, since that is the name the browser offers.
 */
function downloadPdf(fileName: string) {
  const title = document.title
  document.title = fileName
  window.addEventListener('afterprint', () => (document.title = title), { once: true })
  window.print()
}

function PeriodOptions({ options }: { options: ReportPeriodOption[] }) {
  const groups = ['Subscription periods', 'Calendar months'] as const
  return groups.map((group) => (
    <optgroup key={group} label={group}>
      {options
        .filter((option) => option.group === group)
        .map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
    </optgroup>
  ))
}
