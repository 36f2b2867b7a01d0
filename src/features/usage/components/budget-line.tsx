import { ReferenceLine } from 'recharts'

/**
 * The budget pace: dashed, in the danger colour, the axis stretched to show it. An element, not a
 * component: recharts finds its children by type.
 */
export function budgetReferenceLine(perDay: number) {
  return (
    <ReferenceLine
      key="budget"
      y={perDay}
      stroke="var(--color-danger)"
      strokeDasharray="6 4"
      strokeWidth={1.5}
      ifOverflow="extendDomain"
      className="usage-chart__budget-line"
    />
  )
}
