// The series filter of a level whose series are parts of a whole (`?project=` on the
// organization's credits): every part the answer names, all of them, or an unknown one kept.
import { Link } from 'react-router'
import { SelectField } from '../../../components/ui/field'
import { DELETED_FILTER_PARAM } from '../lib/project-credits'
import type { UsageLevel } from '../model/levels'
import type { UsageModelBreakdown } from '../model/usage-model'

interface SeriesFilterProps {
  filter: NonNullable<UsageLevel['seriesFilter']>
  breakdown: UsageModelBreakdown
  /** The filter's value in the address; null for all parts. */
  value: string | null
  onChange: (value: string | null) => void
  /** The address of a live part's own usage (the level it drills into); none without one. */
  partHref?: (part: string) => string
}

export function SeriesFilter({ filter, breakdown, value, onChange, partHref }: SeriesFilterProps) {
  const picked = breakdown.choices.find((choice) => choice.value === value && value !== DELETED_FILTER_PARAM)
  return (
    <div className="usage-series-filter">
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
      {picked && partHref && (
        <Link to={partHref(picked.value)} className="usage-series-filter__drill">
          Open {picked.label}’s usage
        </Link>
      )}
    </div>
  )
}
