import { describe, expect, it } from 'vitest'
import { limitConsequence } from './credit-limit-form'

describe('limitConsequence', () => {
  it('says what happens at the limit, and that a limit already reached suspends at once', () => {
    expect(limitConsequence('churn', 400, 500)).toBe(
      "When churn's credits in this subscription period reach 400.00, it is suspended: it stops until an admin raises or clears its limit. It has used 500.00 already, so it is suspended as soon as you confirm.",
    )
    expect(limitConsequence('churn', 1000, 500)).toMatch(/It has used 500.00 so far\.$/)
    expect(limitConsequence('churn', 1000, null)).toMatch(/raises or clears its limit\.$/)
    expect(limitConsequence('churn', null, 500)).toMatch(/^churn will have no credit limit/)
  })
})
