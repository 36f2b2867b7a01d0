import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SubscriptionOptions } from './subscription-options'

const optionsOf = (current?: string) => {
  render(
    <select aria-label="Subscription" defaultValue={current}>
      <SubscriptionOptions current={current} />
    </select>,
  )
  return screen.getAllByRole('option').map((option) => (option as HTMLOptionElement).value)
}

describe('SubscriptionOptions', () => {
  it('offers the subscriptions the dashboard knows', () => {
    expect(optionsOf()).toEqual(['free', 'professional', 'enterprise'])
  })

  it('keeps a subscription it does not know, so the form shows it as it is', () => {
    expect(optionsOf('trial')).toEqual(['trial', 'free', 'professional', 'enterprise'])
    expect(screen.getByRole('combobox', { name: 'Subscription' })).toHaveValue('trial')
  })
})
