// The chart series colours (tokens.css): every two must be told apart at a glance, in both schemes.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const css = readFileSync(resolve(__dirname, 'tokens.css'), 'utf8')

/** The series colours of one block of tokens.css: the first (light) or the screen-and-dark one. */
function seriesOf(block: string): Map<string, string> {
  return new Map(
    [...block.matchAll(/--color-series-([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]),
  )
}

/** CIELAB of an sRGB colour (D65). */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c > 0.04045 ? ((c + 0.055) / 1.055) ** 2.4 : c / 12.92)) as [number, number, number]
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047)
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b)
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

/** CIE76 colour difference: about 2 is just noticeable; two series need far more. */
const difference = (a: string, b: string) => Math.hypot(...lab(a).map((value, i) => value - lab(b)[i]!))

const MIN_DIFFERENCE = 20

describe('the chart series colours', () => {
  const light = seriesOf(css.slice(0, css.indexOf('@media')))
  const dark = seriesOf(css.slice(css.indexOf('@media screen and (prefers-color-scheme: dark)')))

  it.each([
    ['light', light],
    ['dark', dark],
  ])('are eight colours, every two of them apart (%s)', (_scheme, colours) => {
    expect([...colours.keys()].sort()).toEqual(['0', '1', '2', '3', '4', '5', 'deleted', 'other'])
    const entries = [...colours]
    for (const [i, [nameA, a]] of entries.entries())
      for (const [nameB, b] of entries.slice(i + 1))
        expect(difference(a, b), `${nameA} ${a} and ${nameB} ${b}`).toBeGreaterThanOrEqual(MIN_DIFFERENCE)
  })
})
