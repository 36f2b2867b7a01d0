import type { BaseTickContentProps } from 'recharts'

/**
 * A plain SVG axis label for the usage charts of both generations. recharts' own tick <Text>
 * measures every label in the DOM (to wrap or scale it), a forced layout per tick per render;
 * these labels are short and need neither. `dy` in pixels: 12 below the x axis, 4 for the y axis.
 */
export function AxisTick({
  x,
  y,
  textAnchor,
  text,
  dy,
}: BaseTickContentProps & { text: string; dy: number }) {
  return (
    <text x={x} y={y} dy={dy} textAnchor={textAnchor} fill="var(--color-text-muted)" fontSize={12}>
      {text}
    </text>
  )
}
