// How the previous range is drawn behind the shown one (`compare=previous`), in every chart:
// thin dashed strokes that keep their colour's 3:1 against the surface (non-text contrast), over a
// barely tinted fill, so the shown range stays in front. The tables carry the exact numbers.

/** Areas (day buckets). */
export const PREVIOUS_STYLE = {
  strokeWidth: 1.25,
  strokeDasharray: '5 3',
  fillOpacity: 0.06,
  dot: false,
  activeDot: false,
  isAnimationActive: false,
} as const

/** Bars (month buckets), beside the shown ones. */
export const PREVIOUS_BAR_STYLE = {
  fillOpacity: 0.12,
  strokeWidth: 1.25,
  strokeDasharray: '4 2',
  maxBarSize: 48,
  isAnimationActive: false,
} as const
