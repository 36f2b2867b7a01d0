// Test data for the usage feature's unit tests: the API's points and series as the client model
// holds them (src/api/model.ts), built from days.
import type { UsagePoint, UsageSeries } from '../../../api/model'
import { addDays, type IsoDate } from '../../../../domain/dates'

/** One bucket of an answer: `[day, next)` with its value, as the API's timestamps. */
export const point = (day: IsoDate, next: IsoDate, value: number): UsagePoint => ({
  start_date: `${day}T00:00:00Z`,
  end_date: `${next}T00:00:00Z`,
  value,
})

/** A first-generation series of day buckets from `start`, one value a day. */
export function dailySeries(
  start: IsoDate,
  values: readonly number[],
  series: Pick<UsageSeries, 'object_type' | 'metric'> = {
    object_type: 'deployment_version',
    metric: 'credits',
  },
): UsageSeries {
  return {
    ...series,
    usage: values.map((value, index) => point(addDays(start, index), addDays(start, index + 1), value)),
  }
}
