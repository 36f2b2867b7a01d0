import { describe, expect, it } from 'vitest'
import { projectNameProblem } from './project'

describe('projectNameProblem', () => {
  it('accepts what an organization name accepts', () => {
    expect(projectNameProblem('churn-model-2')).toBeNull()
  })
  it('says what to fix', () => {
    expect(projectNameProblem('')).toBe('Enter a name.')
    expect(projectNameProblem('2-models')).toBe('Start the name with a lowercase letter.')
    expect(projectNameProblem('Churn')).toBe('Start the name with a lowercase letter.')
    expect(projectNameProblem('churn_model')).toBe('Use only lowercase letters, digits and dashes (-).')
    expect(projectNameProblem('a'.repeat(65))).toMatch(/at most 64/)
  })
})
