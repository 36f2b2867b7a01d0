// What the command palette offers, and how a query narrows it: pure, so it is tested without a page.
import { palettePages, paletteSections, paths } from '../../lib/paths'

/** What choosing a command does: go to an address, or run one of the palette host's actions. */
export type PaletteRun =
  | { kind: 'navigate'; to: string }
  | { kind: 'action'; action: 'create-organization' | 'add-member' | 'export-members' }

export type PaletteGroup = 'Actions' | 'Pages' | 'Organizations' | 'Members'

export interface PaletteCommand {
  /** unique among the commands; also the option's DOM id suffix */
  id: string
  group: PaletteGroup
  label: string
  /** extra words the query may match (not shown), lowercased when matched */
  keywords?: string
  run: PaletteRun
}

export const PALETTE_GROUPS: readonly PaletteGroup[] = ['Actions', 'Pages', 'Organizations', 'Members']

export interface PaletteInput {
  /** the names of the organizations the caller can see */
  organizations: readonly string[]
  /** the organization of the page on screen, if any */
  current?: string
  /** the current organization's members (email and id), when known */
  members?: ReadonlyArray<{ id: string; email: string }>
  /** whether the caller may add members to the current organization */
  canAddMembers: boolean
}

/**
 * Every command for the situation: actions first (create organization; add member and export
 * when an organization is open), the current organization's pages (the manifest's palette pages), every organization and each
 * of its pages, and the current organization's members (by email, to their details).
 */
export function buildCommands({
  organizations,
  current,
  members,
  canAddMembers,
}: PaletteInput): PaletteCommand[] {
  const commands: PaletteCommand[] = [
    {
      id: 'create-organization',
      group: 'Actions',
      label: 'Create organization',
      keywords: 'new',
      run: { kind: 'action', action: 'create-organization' },
    },
  ]
  if (current !== undefined) {
    if (canAddMembers)
      commands.push({
        id: 'add-member',
        group: 'Actions',
        label: `Add member to ${current}`,
        keywords: 'invite user',
        run: { kind: 'action', action: 'add-member' },
      })
    commands.push({
      id: 'export-members',
      group: 'Actions',
      label: `Export members of ${current} as CSV`,
      keywords: 'download',
      run: { kind: 'action', action: 'export-members' },
    })
    for (const { id, label, keywords, href } of palettePages)
      commands.push({
        id: `page:${id}`,
        group: 'Pages',
        label,
        keywords: `${current} ${keywords ?? ''}`,
        run: { kind: 'navigate', to: href(current) },
      })
    for (const { id, label, keywords, href } of paletteSections)
      commands.push({
        id: `section:${id}`,
        group: 'Pages',
        label,
        keywords: `${current} ${keywords ?? ''}`,
        run: { kind: 'navigate', to: href(current) },
      })
  }
  for (const organization of organizations) {
    commands.push({
      id: `organization:${organization}`,
      group: 'Organizations',
      label: organization,
      keywords: 'go to organization overview',
      run: { kind: 'navigate', to: paths.organization(organization) },
    })
    // The organization's own command above opens its overview (the first page).
    for (const { id, label, keywords, href } of palettePages.slice(1))
      commands.push({
        id: `organization:${organization}:${id}`,
        group: 'Organizations',
        label: `${organization} › ${label}`,
        keywords: `go to ${keywords ?? ''}`,
        run: { kind: 'navigate', to: href(organization) },
      })
    for (const { id, label, keywords, href } of paletteSections)
      commands.push({
        id: `organization:${organization}:${id}`,
        group: 'Organizations',
        label: `${organization} › ${label}`,
        keywords: `go to ${keywords ?? ''}`,
        run: { kind: 'navigate', to: href(organization) },
      })
  }
  if (current !== undefined)
    for (const member of members ?? [])
      commands.push({
        id: `member:${member.id}`,
        group: 'Members',
        label: member.email,
        keywords: 'member user',
        run: { kind: 'navigate', to: paths.members(current, member.id) },
      })
  return commands
}

/** How many commands of each group an empty query shows (organizations' pages are left out). */
const IDLE_LIMIT = 8
/** How many commands of each group a query shows at most: a palette is for jumping, not browsing. */
const MATCH_LIMIT = 20

/**
 * The commands a query selects, in group order (PALETTE_GROUPS): every word of the query must
 * occur in the label or the keywords (case-insensitive); labels that start with the query come
 * first. An empty query shows the actions, the current pages and the first organizations, no
 * members (there may be 10,000).
 */
export function matchCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  const byGroup = new Map<PaletteGroup, PaletteCommand[]>(PALETTE_GROUPS.map((group) => [group, []]))
  if (words.length === 0) {
    for (const command of commands) {
      if (command.group === 'Members' || command.id.split(':').length > 2) continue
      const list = byGroup.get(command.group)!
      if (list.length < IDLE_LIMIT || command.group !== 'Organizations') list.push(command)
    }
    return PALETTE_GROUPS.flatMap((group) => byGroup.get(group)!)
  }
  const phrase = words.join(' ')
  for (const command of commands) {
    const label = command.label.toLowerCase()
    const haystack = `${label} ${command.keywords?.toLowerCase() ?? ''}`
    if (!words.every((word) => haystack.includes(word))) continue
    byGroup.get(command.group)!.push(command)
  }
  return PALETTE_GROUPS.flatMap((group) => {
    const list = byGroup.get(group)!
    const starts = list.filter((command) => command.label.toLowerCase().startsWith(phrase))
    const rest = list.filter((command) => !command.label.toLowerCase().startsWith(phrase))
    return [...starts, ...rest].slice(0, MATCH_LIMIT)
  })
}
