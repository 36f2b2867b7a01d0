import { describe, expect, it } from 'vitest'
import { scrollEdgesOf } from './use-scroll-edges'

describe('scrollEdgesOf', () => {
  it('says which ends of a sideways scroller hide content', () => {
    expect(scrollEdgesOf({ scrollLeft: 0, scrollWidth: 700, clientWidth: 336 })).toEqual({
      hasMoreBefore: false,
      hasMoreAfter: true,
    })
    expect(scrollEdgesOf({ scrollLeft: 100, scrollWidth: 700, clientWidth: 336 })).toEqual({
      hasMoreBefore: true,
      hasMoreAfter: true,
    })
    expect(scrollEdgesOf({ scrollLeft: 364, scrollWidth: 700, clientWidth: 336 })).toEqual({
      hasMoreBefore: true,
      hasMoreAfter: false,
    })
  })

  it('takes less than a pixel (zoom, fractional widths) and content that fits as nothing hidden', () => {
    expect(scrollEdgesOf({ scrollLeft: 0.5, scrollWidth: 336.6, clientWidth: 336 })).toEqual({
      hasMoreBefore: false,
      hasMoreAfter: false,
    })
    expect(scrollEdgesOf({ scrollLeft: 0, scrollWidth: 336, clientWidth: 1120 })).toEqual({
      hasMoreBefore: false,
      hasMoreAfter: false,
    })
  })

  it('reads a right-to-left scroller, whose scrollLeft runs negative, by its distance from the start', () => {
    expect(scrollEdgesOf({ scrollLeft: -364, scrollWidth: 700, clientWidth: 336 })).toEqual({
      hasMoreBefore: true,
      hasMoreAfter: false,
    })
  })
})
