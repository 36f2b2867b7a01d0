import { useState, type FormEvent } from 'react'
import type { UsageInterval } from '../../../api/types'
import { Button } from '../../../components/ui/button'
import { CheckboxField, SelectField, TextField } from '../../../components/ui/field'
import { addDays, isIsoDate } from '../../../../domain/dates'
import type { DateRange, RangeProblem } from '../../../../domain/usage'
import {
  RANGE_LABELS,
  RANGE_PRESETS,
  customRangeProblem,
  defaultInterval,
  type RangePreset,
  type UsageView,
} from '../lib/usage-address'

interface RangePickerProps {
  view: UsageView
  /** The range on screen, to start custom dates from. */
  shownRange: DateRange | null
  /** The API's refusal of the view in the URL, shown here where it can be fixed. */
  apiError: string | null
  onChange: (view: UsageView) => void
  /** Whether the previous range is drawn behind the shown one (`compare=previous`). */
  compare: boolean
  onCompareChange: (compare: boolean) => void
}

/** The last day a range includes (the API's end is exclusive); '' when the end is not a date. */
const lastDayOf = (end: string | undefined): string => (isIsoDate(end) ? addDays(end, -1) : (end ?? ''))
const endAfter = (lastDay: string): string => (isIsoDate(lastDay) ? addDays(lastDay, 1) : lastDay)
/**
 * A date field can only hold a real day: one the address got wrong shows empty (the browser would
 * empty it anyway, with a console warning), and its error quotes what was asked.
 */
const asDateInputValue = (day: string): string => (isIsoDate(day) ? day : '')

/**
 * Range and interval. A preset or interval applies as soon as it is picked; custom dates apply on
 * "Show", and only when the API would accept them (`customRangeProblem`, the server's limits),
 * otherwise the field at fault says what to change. Custom dates of the address that the API
 * would refuse (`view.problem`) show the same way, as asked, to be corrected. Remount it (key)
 * when the range in the URL changes (not when only `compare` does: typed dates are kept).
 */
export function RangePicker({
  view,
  shownRange,
  apiError,
  onChange,
  compare,
  onCompareChange,
}: RangePickerProps) {
  const [range, setRange] = useState<RangePreset>(view.range)
  const [interval, setBucketInterval] = useState<UsageInterval>(view.interval)
  const [from, setFrom] = useState<string>(view.start ?? shownRange?.start ?? '')
  const [to, setTo] = useState<string>(
    view.range === 'custom' ? lastDayOf(view.end) : lastDayOf(shownRange?.end),
  )
  const [problem, setProblem] = useState<RangeProblem | null>(view.problem ?? null)
  // The box shows a click at once: the address (`compare`) changes in the router's transition,
  // which lands only once the page has rendered again, and a controlled box would spring back
  // until then. It follows the address whenever that changes (back, forward, a link).
  const [isCompareTicked, setCompareTicked] = useState(compare)
  const [addressCompare, setAddressCompare] = useState(compare)
  if (addressCompare !== compare) {
    setAddressCompare(compare)
    setCompareTicked(compare)
  }

  function apply(next: { range: RangePreset; interval: UsageInterval; from: string; to: string }) {
    if (next.range !== 'custom') {
      setProblem(null)
      onChange({ range: next.range, interval: next.interval })
      return
    }
    const dates = { start: next.from, end: endAfter(next.to) }
    const found = customRangeProblem(dates, next.interval)
    setProblem(found)
    if (!found) onChange({ range: 'custom', interval: next.interval, ...dates })
  }

  function handleRangeChange(next: RangePreset) {
    setRange(next)
    // A preset brings its natural interval (months for a year, days otherwise).
    const nextInterval = next === 'custom' ? interval : defaultInterval(next)
    setBucketInterval(nextInterval)
    if (next !== 'custom') apply({ range: next, interval: nextInterval, from, to })
  }

  function handleIntervalChange(next: UsageInterval) {
    setBucketInterval(next)
    apply({ range, interval: next, from, to })
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault()
    apply({ range, interval, from, to })
  }

  const isCustom = range === 'custom'
  return (
    <form className="usage-range" onSubmit={handleSubmit} aria-label="Usage range" noValidate>
      <SelectField
        label="Range"
        value={range}
        onChange={(e) => handleRangeChange(e.target.value as RangePreset)}
      >
        {RANGE_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {RANGE_LABELS[preset]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Interval"
        value={interval}
        onChange={(e) => handleIntervalChange(e.target.value as UsageInterval)}
      >
        <option value="day">Daily</option>
        <option value="month">Monthly</option>
      </SelectField>
      {isCustom && (
        <>
          <TextField
            label="From"
            type="date"
            value={asDateInputValue(from)}
            onChange={(e) => setFrom(e.target.value)}
            error={problem?.field === 'start' ? problem.message : null}
            required
          />
          <TextField
            label="To (included)"
            type="date"
            value={asDateInputValue(to)}
            onChange={(e) => setTo(e.target.value)}
            error={problem?.field === 'end' ? problem.message : null}
            required
          />
          <Button type="submit" variant="primary" className="usage-range__submit">
            Show
          </Button>
        </>
      )}
      <CheckboxField
        label="Compare with the period before"
        className="usage-range__compare"
        checked={isCompareTicked}
        onChange={(event) => {
          setCompareTicked(event.target.checked)
          onCompareChange(event.target.checked)
        }}
      />
      {view.problem && (
        <p role="alert" className="usage-range__error">
          The address asks for dates the API would refuse, so no usage was asked. Correct the{' '}
          {view.problem.field === 'start' ? 'From' : 'To (included)'} date and choose Show.
        </p>
      )}
      {apiError && (
        <p role="alert" className="usage-range__error">
          The API refused this range: {apiError}
        </p>
      )}
    </form>
  )
}
