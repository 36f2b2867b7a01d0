// The series filter of a level whose series are parts of a whole (`?project=` on the
// organization's credits): every part the answer names, all of them, or an unknown one kept.
import { SelectField } from '../../../components/ui/field'
import type { UsageLevel } from '../model/levels'
import type { UsageModelBreakdown } from '../model/usage-model'

interface SeriesFilterProps {
  filter: NonNullable<UsageLevel['seriesFilter']>
  breakdown: UsageModelBreakdown
  /** The filter's value in the address; null for all parts. */
  value: string | null
  onChange: (value: string | null) => void
}

export function SeriesFilter({ filter, breakdown, value, onChange }: SeriesFilterProps) {
  return (
    <SelectField
      label={filter.label}
      className="credits-filter"
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value || null)}
      hint="The chart, both tables and the CSV show what is picked here."
    >
      <option value="">{filter.allLabel}</option>
      {breakdown.unknownChoice !== null && (
        <option value={breakdown.unknownChoice}>Unknown {filter.partLabel.toLowerCase()}</option>
      )}
      {breakdown.choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </SelectField>
  )
}
