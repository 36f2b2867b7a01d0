import { useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { matchPath, useLocation, useNavigate } from 'react-router'
import { downloadText } from '../../components/ui/download-text'
import { ModalShell } from '../../components/ui/modal-shell'
import {
  DEFAULT_VIEW,
  indexMembers,
  readListView,
  selectMembers,
} from '../../features/members/lib/member-list'
import { usePendingRemovalIds } from '../../features/members/pending-removals'
import { memberQueries } from '../../features/members/queries'
import { organizationQueries } from '../../features/organizations/queries'
import { useAdministrationRights } from '../../features/organizations/hooks/use-administration-rights'
import { buildCommands, matchCommands, PALETTE_GROUPS, type PaletteCommand } from './palette-commands'

// The two dialogs the palette can open load when asked for: they bring react-hook-form and valibot,
// and the header (with this palette) is on every first page (bench/bytes.ts, at most 125 KB).
const CreateOrganizationDialog = lazy(
  () => import('../../features/organizations/components/create-organization-dialog'),
)
const AddMemberDialog = lazy(() =>
  import('../../features/members/components/add-member-dialog').then((module) => ({
    default: module.AddMemberDialog,
  })),
)

/** Which of the palette's dialogs is open (the palette itself, or a dialog one of its actions opened). */
export type PaletteOpen = 'palette' | 'create-organization' | 'add-member'

/**
 * What the command palette shows once opened (./command-palette.tsx keeps the trigger and the
 * shortcut, on every page): a combobox over a listbox in a modal dialog, to jump to any
 * organization and page, find a member of the current organization by email, or run an action
 * (create organization, add member, export members). Arrow keys move, Enter runs, Escape closes;
 * the dialog traps focus and gives it back to where it was (components/ui/modal-shell). Loaded on
 * the first opening: its commands, member lookups and actions are not on the first pages.
 */
export default function PaletteDialogs({
  open,
  setOpen,
}: {
  open: PaletteOpen
  setOpen: (open: PaletteOpen | null) => void
}) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  // From the address itself: the palette sits above the routes, whose params it does not see.
  const current = matchPath('/organizations/:name/*', location.pathname)?.params.name
  const pendingRemovals = usePendingRemovalIds(current ?? '')

  const exportMembers = async (organization: string) => {
    // The CSV writer (papaparse) loads with the first export, not with every page's header.
    const [members, { memberCsvFileName, membersToCsv }] = await Promise.all([
      queryClient.ensureQueryData(memberQueries.list(organization)),
      import('../../features/members/lib/member-csv'),
    ])
    const onMembersPage = location.pathname.includes('/members')
    const view = onMembersPage ? readListView(new URLSearchParams(location.search)) : DEFAULT_VIEW
    const shown = members.filter((member) => !pendingRemovals.has(member.id))
    const rows = selectMembers(indexMembers(shown), view)
    downloadText(memberCsvFileName(organization, view), membersToCsv(rows))
  }

  const run = (command: PaletteCommand) => {
    const { run } = command
    if (run.kind === 'navigate') {
      setOpen(null)
      void navigate(run.to)
    } else if (run.action === 'export-members') {
      setOpen(null)
      if (current !== undefined) void exportMembers(current)
    } else {
      // One state change: the palette's focus return runs before the next dialog notes its opener.
      setOpen(run.action)
    }
  }

  return (
    <>
      {/* In <body>, not in the header: a dialog's own <header> must not sit inside the page's banner. */}
      {createPortal(
        <>
          {open === 'palette' && (
            <PaletteDialog current={current} onClose={() => setOpen(null)} onRun={run} />
          )}
          {open === 'create-organization' && (
            <Suspense fallback={null}>
              <CreateOrganizationDialog open onClose={() => setOpen(null)} />
            </Suspense>
          )}
          {open === 'add-member' && current !== undefined && (
            <Suspense fallback={null}>
              <AddMemberHost organization={current} onClose={() => setOpen(null)} />
            </Suspense>
          )}
        </>,
        document.body,
      )}
    </>
  )
}

function AddMemberHost({ organization, onClose }: { organization: string; onClose: () => void }) {
  const members = useQuery(memberQueries.list(organization))
  return <AddMemberDialog organization={organization} members={members.data ?? []} open onClose={onClose} />
}

interface PaletteDialogProps {
  current?: string
  onClose: () => void
  onRun: (command: PaletteCommand) => void
}

function PaletteDialog({ current, onClose, onRun }: PaletteDialogProps) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const listboxId = useId()
  const optionId = useId()
  const groupId = useId()
  const listRef = useRef<HTMLDivElement>(null)
  const organizations = useQuery(organizationQueries.list())
  const members = useQuery({ ...memberQueries.list(current ?? ''), enabled: current !== undefined })
  const { canAdminister } = useAdministrationRights(current)

  const commands = useMemo(
    () =>
      buildCommands({
        organizations: (organizations.data ?? []).map((organization) => organization.name),
        current,
        members: members.data,
        canAddMembers: current !== undefined && canAdminister,
      }),
    [organizations.data, current, members.data, canAdminister],
  )
  const shown = useMemo(() => matchCommands(commands, query), [commands, query])
  const activeIndex = Math.min(active, shown.length - 1)
  const activeCommand = shown[activeIndex]
  const idOf = (index: number) => `${optionId}-${index}`

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [activeIndex])

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1
    const moves: Record<string, number> = {
      ArrowDown: activeIndex >= last ? 0 : activeIndex + 1,
      ArrowUp: activeIndex <= 0 ? last : activeIndex - 1,
    }
    if (event.key in moves || ((event.key === 'Home' || event.key === 'End') && event.ctrlKey)) {
      event.preventDefault()
      setActive(event.key === 'Home' ? 0 : event.key === 'End' ? last : moves[event.key]!)
    } else if (event.key === 'Enter' && activeCommand) {
      event.preventDefault()
      onRun(activeCommand)
    }
  }

  return (
    <ModalShell open onClose={onClose} title="Go to or run" className="ui-dialog command-palette">
      <div className="command-palette__body">
        <input
          data-autofocus
          role="combobox"
          aria-label="Organization, page, member email or action"
          aria-expanded="true"
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={activeCommand ? idOf(activeIndex) : undefined}
          className="ui-input"
          placeholder="Organization, page or member"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={handleKeyDown}
        />
        <div
          ref={listRef}
          id={listboxId}
          role="listbox"
          aria-label="Results"
          className="command-palette__list"
        >
          {PALETTE_GROUPS.map((group) => {
            const inGroup = shown.filter((command) => command.group === group)
            if (inGroup.length === 0) return null
            return (
              <div key={group} role="group" aria-labelledby={`${groupId}-${group}`}>
                <div id={`${groupId}-${group}`} role="presentation" className="command-palette__group">
                  {group}
                </div>
                {inGroup.map((command) => {
                  const optionIndex = shown.indexOf(command)
                  return (
                    <div
                      key={command.id}
                      id={idOf(optionIndex)}
                      role="option"
                      aria-selected={optionIndex === activeIndex}
                      className="command-palette__option"
                      onMouseMove={() => setActive(optionIndex)}
                      onClick={() => onRun(command)}
                    >
                      {command.label}
                    </div>
                  )
                })}
              </div>
            )
          })}
        </div>
        <p role="status" className="muted command-palette__status">
          {organizations.isPending
            ? 'Loading organizations…'
            : shown.length === 0
              ? 'Nothing matches.'
              : `${shown.length} ${shown.length === 1 ? 'result' : 'results'}`}
        </p>
        <p className="muted command-palette__help" aria-hidden="true">
          ↑ ↓ to move · Enter to run · Esc to close
        </p>
      </div>
    </ModalShell>
  )
}
