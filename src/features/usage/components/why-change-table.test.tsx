import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { PartChange } from '../lib/why-day'
import { WHY_ROWS_SHOWN, WhyChangeTable } from './why-change-table'

/** `count` versions, the first with the largest change. */
const changes = (count: number): PartChange[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `v${index}`,
    label: `model v${index + 1}`,
    isDeleted: false,
    usual: 10,
    value: 10 + (count - index),
    change: count - index,
    share: (count - index) / ((count * (count + 1)) / 2),
  }))

const table = () => screen.getByRole('table', { name: 'Versions, largest first' })

describe('WhyChangeTable', () => {
  it('lists the largest changes first, and the rest on demand, keeping focus on the toggle', async () => {
    render(
      <WhyChangeTable
        caption="Versions, largest first"
        partLabel="Version"
        partsWord="versions"
        rows={changes(25)}
      />,
    )
    const rowHeaders = () =>
      within(table())
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent)
    expect(rowHeaders()).toHaveLength(WHY_ROWS_SHOWN)
    expect(rowHeaders()[0]).toBe('model v1')
    expect(
      screen.getByText(`The ${WHY_ROWS_SHOWN} largest of 25 changes.`, { exact: false }),
    ).toBeInTheDocument()

    const showAll = screen.getByRole('button', { name: 'Show all 25 versions' })
    await userEvent.click(showAll)
    expect(rowHeaders()).toHaveLength(25)
    expect(rowHeaders()[24]).toBe('model v25')
    const showFewer = screen.getByRole('button', { name: `Show the ${WHY_ROWS_SHOWN} largest only` })
    expect(showFewer).toHaveFocus()

    await userEvent.keyboard('{Enter}')
    expect(rowHeaders()).toHaveLength(WHY_ROWS_SHOWN)
  })

  it('offers no toggle when every change fits', () => {
    render(
      <WhyChangeTable
        caption="Versions, largest first"
        partLabel="Version"
        partsWord="versions"
        rows={changes(3)}
      />,
    )
    expect(within(table()).getAllByRole('rowheader')).toHaveLength(3)
    expect(screen.queryByRole('button')).toBeNull()
  })
})
