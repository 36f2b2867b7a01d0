import { describe, expect, it } from 'vitest'
import { buildCommands, matchCommands } from './palette-commands'

const members = [
  { id: 'u1', email: 'ann@example.com' },
  { id: 'u2', email: 'bob@example.com' },
]

describe('buildCommands', () => {
  it('offers only creating an organization and the organizations outside one', () => {
    const commands = buildCommands({ organizations: ['acme'], canAddMembers: false })
    expect(commands.filter((c) => c.group === 'Actions').map((c) => c.label)).toEqual(['Create organization'])
    expect(commands.filter((c) => c.group === 'Organizations').map((c) => c.run)).toEqual([
      { kind: 'navigate', to: '/organizations/acme' },
      { kind: 'navigate', to: '/organizations/acme/members' },
      { kind: 'navigate', to: '/organizations/acme/projects' },
      { kind: 'navigate', to: '/organizations/acme/access' },
      { kind: 'navigate', to: '/organizations/acme/service-users' },
      { kind: 'navigate', to: '/organizations/acme/usage' },
      { kind: 'navigate', to: '/organizations/acme/usage/report' },
      { kind: 'navigate', to: '/organizations/acme/settings' },
      { kind: 'navigate', to: '/organizations/acme#credit-budget' },
    ])
  })

  it('adds the current organization pages, its members, export and (for admins) add member', () => {
    const commands = buildCommands({ organizations: ['acme'], current: 'acme', members, canAddMembers: true })
    expect(commands.filter((c) => c.group === 'Actions').map((c) => c.label)).toEqual([
      'Create organization',
      'Add member to acme',
      'Export members of acme as CSV',
    ])
    expect(commands.find((c) => c.label === 'bob@example.com')?.run).toEqual({
      kind: 'navigate',
      to: '/organizations/acme/members/u2',
    })
    expect(
      buildCommands({ organizations: [], current: 'acme', members, canAddMembers: false }).some(
        (c) => c.id === 'add-member',
      ),
    ).toBe(false)
  })

  it('escapes organization names in addresses', () => {
    const [, organization] = buildCommands({ organizations: ['a b'], canAddMembers: false })
    expect(organization?.run).toEqual({ kind: 'navigate', to: '/organizations/a%20b' })
  })
})

describe('matchCommands', () => {
  const organizations = Array.from({ length: 200 }, (_, i) => `org-${String(i).padStart(3, '0')}`)
  const commands = buildCommands({ organizations, current: 'org-000', members, canAddMembers: true })

  it('shows actions, current pages and a few organizations, no members, for an empty query', () => {
    const shown = matchCommands(commands, '  ')
    expect(shown.filter((c) => c.group === 'Actions')).toHaveLength(3)
    expect(shown.filter((c) => c.group === 'Pages')).toHaveLength(9)
    expect(shown.filter((c) => c.group === 'Organizations')).toHaveLength(8)
    expect(shown.some((c) => c.group === 'Members')).toBe(false)
  })

  it('finds a member by part of the email, case-insensitively', () => {
    expect(matchCommands(commands, 'BOB@').map((c) => c.label)).toEqual(['bob@example.com'])
  })

  it('needs every word, and puts labels that start with the query first', () => {
    expect(matchCommands(commands, 'org-199 usage').map((c) => c.label)).toEqual([
      'org-199 › Usage',
      'org-199 › Monthly report',
    ])
    expect(matchCommands(commands, 'org-199 report').map((c) => c.run)).toEqual([
      { kind: 'navigate', to: '/organizations/org-199/usage/report' },
    ])
    const shown = matchCommands(commands, 'export')
    expect(shown[0]?.label).toBe('Export members of org-000 as CSV')
  })

  it('finds the credit budget, of the current organization first, then of any other', () => {
    expect(
      matchCommands(commands, 'budget')
        .map((c) => c.label)
        .slice(0, 2),
    ).toEqual(['Credit budget', 'org-000 › Credit budget'])
    expect(matchCommands(commands, 'budget')[0]?.run).toEqual({
      kind: 'navigate',
      to: '/organizations/org-000#credit-budget',
    })
    expect(matchCommands(commands, 'org-199 credit').map((c) => c.label)).toEqual(['org-199 › Credit budget'])
  })

  it('finds a page by the keywords of its manifest entry: "usage" finds the monthly report', () => {
    const pages = matchCommands(commands, 'usage').filter((c) => c.group === 'Pages')
    expect(pages.map((c) => c.label)).toEqual(['Usage', 'Monthly report'])
    expect(pages[1]?.run).toEqual({ kind: 'navigate', to: '/organizations/org-000/usage/report' })
    expect(
      matchCommands(commands, 'pdf')
        .filter((c) => c.group === 'Pages')
        .map((c) => c.label),
    ).toEqual(['Monthly report'])
  })

  it('caps each group at 20 matches', () => {
    expect(matchCommands(commands, 'org').filter((c) => c.group === 'Organizations')).toHaveLength(20)
  })
})
