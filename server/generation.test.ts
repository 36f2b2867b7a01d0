import { describe, expect, it } from 'vitest'
import { apiGenerationFrom } from './generation'

describe('apiGenerationFrom', () => {
  it('reads --api-generation (both spellings) before API_GENERATION, and defaults to 2022', () => {
    expect(apiGenerationFrom([], {})).toBe('2022')
    expect(apiGenerationFrom([], { API_GENERATION: 'current' })).toBe('current')
    expect(apiGenerationFrom(['node', 'x', '--api-generation', 'current'], {})).toBe('current')
    expect(apiGenerationFrom(['--api-generation=2022'], { API_GENERATION: 'current' })).toBe('2022')
  })

  it('refuses anything else, naming the choices', () => {
    expect(() => apiGenerationFrom(['--api-generation', '2025'], {})).toThrow(
      'API generation: use "2022" or "current" (got "2025")',
    )
    expect(() => apiGenerationFrom([], { API_GENERATION: 'Current' })).toThrow(/got "Current"/)
    expect(() => apiGenerationFrom(['--api-generation'], {})).toThrow(/got ""/)
  })
})
