import { describe, expect, it } from 'vitest'
import { organizationNameProblem, renameProblem } from './organization'

describe('organizationNameProblem', () => {
  it.each([
    ['', 'Enter a name.'],
    ['Acme', 'Start the name with a lowercase letter.'],
    ['9lives', 'Start the name with a lowercase letter.'],
    ['-abc', 'Start the name with a lowercase letter.'],
    ['acme corp', 'Use only lowercase letters, digits and dashes (-).'],
    ['acme_corp', 'Use only lowercase letters, digits and dashes (-).'],
    ['abC', 'Use only lowercase letters, digits and dashes (-).'],
    ['a'.repeat(65), 'Use at most 64 characters (this one has 65).'],
  ])('refuses the name %j', (name, problem) => {
    expect(organizationNameProblem(name)).toBe(problem)
  })
  it('accepts names of 1 and 64 characters', () => {
    expect(organizationNameProblem('q')).toBeNull()
    expect(organizationNameProblem('a'.repeat(64))).toBeNull()
    expect(organizationNameProblem('acme-2')).toBeNull()
  })
})

describe('renameProblem', () => {
  it('asks for a different name', () => {
    expect(renameProblem('acme', 'acme')).toBe('Enter a different name.')
  })
  it('applies the name rules', () => {
    expect(renameProblem('Acme', 'acme')).toBe('Start the name with a lowercase letter.')
    expect(renameProblem('acme-2', 'acme')).toBeNull()
  })
})
