import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { ServiceUserSchema } from '../../../api/schemas'
import { serviceUserOf } from '../../../api/service-user-answers'
import { flagCounts, flagLabels, serviceUserRows } from './service-user-rows'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const answer2022 = {
  id: 'a',
  email: 'a.p@serviceuser.local',
  name: 'batch',
  creation_date: '2026-01-01T00:00:00Z',
}
const answerCurrent = {
  ...answer2022,
  id: 'b',
  name: null,
  description: 'nightly',
  expiry_date: '2026-03-15T00:00:00Z',
  token_last_used: null,
}

describe('serviceUserOf', () => {
  it('keeps "not given" (2022) apart from "never" (null)', () => {
    const old = serviceUserOf(v.parse(ServiceUserSchema, answer2022), 'p')
    expect(old).toMatchObject({
      expiryDate: undefined,
      tokenLastUsed: undefined,
      projectName: 'p',
      name: 'batch',
    })
    const current = serviceUserOf(v.parse(ServiceUserSchema, answerCurrent), 'q')
    expect(current).toMatchObject({ expiryDate: '2026-03-15T00:00:00Z', tokenLastUsed: null, name: 'b' })
  })
})

describe('serviceUserRows', () => {
  it('merges the lists by project and name, with flags, and skips lists not loaded', () => {
    const rows = serviceUserRows(
      [
        [serviceUserOf(v.parse(ServiceUserSchema, answerCurrent), 'z-project')],
        undefined,
        [serviceUserOf(v.parse(ServiceUserSchema, answer2022), 'a-project')],
      ],
      NOW,
    )
    expect(rows.map((row) => row.projectName)).toEqual(['a-project', 'z-project'])
    expect(flagLabels(rows[0]!.flags)).toEqual([])
    expect(flagLabels(rows[1]!.flags).map((flag) => flag.label)).toEqual([
      'Expires within 14 days',
      'Never used',
    ])
    expect(flagCounts(rows)).toEqual({ isExpired: 0, isExpiringSoon: 1, isNeverUsed: 1, isUnused: 0 })
  })
})
