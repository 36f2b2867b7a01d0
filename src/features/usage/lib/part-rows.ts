// The per-part table of a level whose series are parts of a whole (the organization's projects):
// each part's total, share of the whole, change against the range before, and projection.
import type { DateRange } from '../../../../domain/usage'
import type { UsageModel, UsageModelPart } from '../model/usage-model'
import { changeAgainst, projectToPeriodEnd, type Change } from './usage-summary'

export interface PartRow {
  /** The part's id (a project's), or `deleted`. */
  id: string
  label: string
  isDeleted: boolean
  /** The part's total in the range, in the chart's unit (credits). */
  total: number
  /** Of the whole's total in the range, 0 to 1; null when the whole is 0. */
  share: number | null
  /** Against the same part in the range before; undefined while that range loads. */
  change: Change | undefined
  /** The total the change is measured with (its days, see `PartRowOptions.soFar`); undefined while it loads. */
  compared: number | undefined
  /** The same part's total in the range before; undefined while that range loads. */
  previous: number | undefined
  /** The total at the end of the subscription period, by the weekly rhythm; null outside the current period. */
  projected: number | null
}

export interface PartRowOptions {
  /** The range before, to compare each part with. */
  previous?: UsageModel
  /** What is compared with `previous`: a running range's whole days so far (null while they load); left out, the range's own. */
  soFar?: UsageModel | null
  /** The current subscription period when the range is it (and `now` in it), for the projection. */
  period?: DateRange | null
  /** That period by day (the model itself when it is by day), which the weekly projection reads. */
  daily?: UsageModel
  now?: Date
}

/** A part's total in another model of the same level; 0 when that model has no such part. */
const totalIn = (model: UsageModel, part: UsageModelPart): number =>
  model.breakdown?.parts.find((p) => p.id === part.id)?.total ?? 0

/**
 * One row per part the model's filter keeps, most first (as the model lists them). A part new
 * since the range before compares with 0; a part absent from this range's answer is not listed.
 * Empty for a level without parts.
 */
export function partRows(model: UsageModel, options: PartRowOptions = {}): PartRow[] {
  const breakdown = model.breakdown
  if (!breakdown) return []
  return breakdown.parts.map((part) => {
    const before = options.previous && totalIn(options.previous, part)
    const soFar = options.soFar === undefined ? model : options.soFar
    const compared = soFar === null ? undefined : totalIn(soFar, part)
    const projection =
      options.period && options.now && options.daily
        ? projectToPeriodEnd(options.daily, { partId: part.id }, options.period, options.now)
        : null
    return {
      id: part.id,
      label: part.label,
      isDeleted: part.isDeleted,
      total: part.total,
      share: breakdown.wholeTotal > 0 ? part.total / breakdown.wholeTotal : null,
      change: before === undefined || compared === undefined ? undefined : changeAgainst(compared, before),
      compared,
      previous: compared === undefined ? undefined : before,
      projected: projection ? projection.projected : null,
    }
  })
}
