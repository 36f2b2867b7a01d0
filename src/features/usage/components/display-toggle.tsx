/** How the results are shown: charts, or one table (the `view` search parameter). */
import type { UsageDisplay } from '../lib/usage-address'

interface DisplayToggleProps {
  display: UsageDisplay
  onDisplayChange: (display: UsageDisplay) => void
  /** "Charts" where the page draws one per metric (2022), "Chart" where it draws one (current). */
  chartLabel: 'Chart' | 'Charts'
}

/** The usage page's "Show as" switch between the chart(s) and the table (a pressed-button group). */
export function DisplayToggle({ display, onDisplayChange, chartLabel }: DisplayToggleProps) {
  return (
    <div className="usage-toggle" role="group" aria-label="Show as">
      {(['chart', 'table'] as const).map((option) => (
        <button
          key={option}
          type="button"
          className="usage-toggle__option"
          aria-pressed={display === option}
          onClick={() => onDisplayChange(option)}
        >
          {option === 'chart' ? chartLabel : 'Table'}
        </button>
      ))}
    </div>
  )
}
