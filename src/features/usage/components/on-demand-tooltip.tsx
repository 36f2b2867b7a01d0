// recharts' Tooltip (chart-tooltip.tsx, about 8 KB gzip with its cursor and content) is fetched the
// first time a chart is pointed at or focused, not when the charts draw: an admin who only reads
// the charts and tables never downloads it. Both charts of the usage page and the report use this.
import { lazy, Suspense, useCallback, useState } from 'react'
import type { ChartTooltipProps } from './chart-tooltip'

const ChartTooltip = lazy(() => import('./chart-tooltip'))

/**
 * Whether a chart's tooltip is wanted yet, and the handlers that want it, for the element around
 * the chart: a pointer entering it (mouse, pen or touch) or keyboard focus inside it (recharts'
 * chart takes focus and moves its tooltip with the arrow keys). Once wanted, it stays wanted.
 */
export function useTooltipWanted(): {
  wanted: boolean
  triggers: { onPointerEnter: () => void; onFocus: () => void }
} {
  const [wanted, setWanted] = useState(false)
  const want = useCallback(() => setWanted(true), [])
  return { wanted, triggers: { onPointerEnter: want, onFocus: want } }
}

/** The chart's tooltip once its code is in; nothing meanwhile. A child of the recharts chart. */
export function OnDemandTooltip({ content }: ChartTooltipProps) {
  return (
    <Suspense fallback={null}>
      <ChartTooltip content={content} />
    </Suspense>
  )
}
