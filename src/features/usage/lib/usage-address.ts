// What the usage page shows, as it lives in the URL (one name per idea):
//   ?range=period|previous-period|7d|30d|90d|12m|custom&interval=day|month&start=YYYY-MM-DD&end=YYYY-MM-DD
//    &compare=previous&view=table&project=NAME&day=YYYY-MM-DD
// and on a project's usage `version=DEPLOYMENT / VERSION` instead of `project=`.
// `start`/`end` only for custom ranges; `end` is exclusive, as in the API, so a link reads like
// the request it makes. Custom dates the API would refuse (a hand-made or edited address) are
// caught as the address is read: such a view asks nothing, and carries what to fix. What the
// dates of a view are is ./usage-ranges.ts's; this module only reads and writes the address.
import {
  isUsageInterval,
  usageRangeProblem,
  type DateRange,
  type RangeProblem,
} from '../../../../domain/usage'
import type { UsageInterval } from '../../../api/types'
import type { UsageScope } from '../model/usage-model'
import { isCalendarDate } from '../../../../domain/dates'

export const RANGE_PRESETS = ['period', 'previous-period', '7d', '30d', '90d', '12m', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

export const RANGE_LABELS: Record<RangePreset, string> = {
  period: 'Current subscription period',
  'previous-period': 'Previous subscription period',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '12m': 'Last 12 months',
  custom: 'Custom dates',
}

export interface UsageView {
  range: RangePreset
  interval: UsageInterval
  /** Only for custom ranges; kept as typed (possibly invalid) so the page can say what is wrong. */
  start?: string
  end?: string
  /** `compare=previous`: the previous range drawn faintly behind this one. */
  compare?: true
  /**
   * Set by {@link parseUsageView} on custom dates the API would refuse ({@link customRangeProblem}):
   * what is wrong and which date to fix. Nothing is asked for such a view.
   */
  problem?: RangeProblem
}

/** Day buckets read best up to a year; longer views default to months. */
export function defaultInterval(range: RangePreset): UsageInterval {
  return range === '12m' ? 'month' : 'day'
}

const isRangePreset = (value: string | null): value is RangePreset =>
  value !== null && (RANGE_PRESETS as readonly string[]).includes(value)

export function parseUsageView(params: URLSearchParams): UsageView {
  const rangeParam = params.get('range')
  const range = isRangePreset(rangeParam) ? rangeParam : 'period'
  const intervalParam = params.get('interval')
  const interval = isUsageInterval(intervalParam) ? intervalParam : defaultInterval(range)
  const compare = params.get('compare') === COMPARE_PREVIOUS ? { compare: true as const } : {}
  if (range !== 'custom') return { range, interval, ...compare }
  const dates = { start: params.get('start') ?? '', end: params.get('end') ?? '' }
  const problem = customRangeProblem(dates, interval)
  return { range, interval, ...dates, ...compare, ...(problem ? { problem } : {}) }
}

/**
 * What is wrong with custom dates (`end` exclusive) for `interval`, or null when the API takes
 * them: a date left out (of the address, or a field left empty), then the API's own rules
 * (domain/usage.ts `usageRangeProblem`: real days, end after start, at most 366 days by day and
 * 10 years by month; shared/API.md "Usage query"). The one check of both the address and the
 * range picker, so the page never sends a range the API would refuse.
 */
export function customRangeProblem(range: DateRange, interval: UsageInterval): RangeProblem | null {
  if (range.start === '') return { field: 'start', message: 'Choose the first day of the range.' }
  if (range.end === '') return { field: 'end', message: 'Choose the last day of the range.' }
  return usageRangeProblem(range, interval)
}

const COMPARE_PREVIOUS = 'previous'

/** The search params of a view; defaults are left out so that links stay short. */
export function usageViewSearch(view: UsageView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.range !== 'period') params.set('range', view.range)
  if (view.interval !== defaultInterval(view.range)) params.set('interval', view.interval)
  if (view.range === 'custom') {
    params.set('start', view.start ?? '')
    params.set('end', view.end ?? '')
  }
  if (view.compare) params.set('compare', COMPARE_PREVIOUS)
  return params
}

/** How the results are shown: charts (the default) or the table. */
export type UsageDisplay = 'chart' | 'table'

/** Everything the usage page's address holds: the view, how it is shown, the series filter and the chosen bucket. */
export interface UsageAddress {
  view: UsageView
  display: UsageDisplay
  /** The series filter (levels with one): a part's name, `deleted`, or null for all. */
  series: string | null
  /**
   * The bucket whose "why this day" panel is open (`day=`): its first UTC day, which names a month
   * bucket as well as a day one (a month bucket starts on the day the range's months are counted
   * from, so it is never ambiguous), in the API's date format; null when none is chosen.
   */
  day: string | null
}

const DISPLAY_PARAM = 'view'

/**
 * The series filter's search param by whose usage the page shows: the organization's projects
 * (`project=`), a project's deployment versions (`version=`). Another scope's is ignored, so a view
 * carried from one page to the other never filters by a name of the wrong kind.
 */
const SERIES_PARAMS: Record<UsageScope, string> = { organization: 'project', project: 'version' }
const DAY_PARAM = 'day'

/** The page's address as its parts (unknown values read as the defaults). */
/** The params {@link parseUsageView} reads, as they are in the address: equal for equal views. */
export const VIEW_PARAMS = ['range', 'interval', 'start', 'end', 'compare'] as const

export function parseUsageAddress(params: URLSearchParams, scope: UsageScope = 'organization'): UsageAddress {
  return {
    view: parseUsageView(params),
    display: params.get(DISPLAY_PARAM) === 'table' ? 'table' : 'chart',
    series: params.get(SERIES_PARAMS[scope]) || null,
    day: isCalendarDate(params.get(DAY_PARAM) ?? '') ? params.get(DAY_PARAM) : null,
  }
}

/** The search params of an address; defaults are left out so that links stay short. */
export function usageAddressSearch(
  { view, display, series, day }: UsageAddress,
  scope: UsageScope = 'organization',
): URLSearchParams {
  const params = usageViewSearch(view)
  if (display === 'table') params.set(DISPLAY_PARAM, 'table')
  if (series) params.set(SERIES_PARAMS[scope], series)
  if (day) params.set(DAY_PARAM, day)
  return params
}

/**
 * The search of the same view on another level's page (into a project's usage, or back to the
 * organization's): range, interval, comparison and display kept, the series filter left behind
 * (it names parts of this level).
 */
export const drillSearch = ({ view, display }: UsageAddress): string =>
  usageAddressSearch({ view, display, series: null, day: null }).toString()
