import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import type { Member } from '../../../api/types'
import { CopyButton } from '../../../components/ui/copy-button'
import { ErrorState, PendingState } from '../../../components/ui/query-state'
import { SidePanel } from '../../../components/ui/side-panel'
import { formatDateTime } from '../../../lib/format-date'
import { displayName } from '../lib/member-list'
import { memberQueries } from '../queries'
import { MemberProjectAccess } from './member-project-access'
import { MemberRowActions, type RowActionHandlers } from './member-row-actions'

interface MemberDetailsPanelProps extends RowActionHandlers {
  organization: string
  userId: string
  /** the member as the list has it: shown at once, and the only source for non-admins */
  listMember: Member | undefined
  canAdminister: boolean
  isOnlyAdmin: boolean
  guardReason: string
  onClose: () => void
  /** where focus goes on closing when the panel came with the address (nothing on the page opened it) */
  returnFocusTo: () => HTMLElement | null | undefined
}

/**
 * A member's details in a side panel, opened by the URL (/members/:userId), so the link can be
 * shared. Admins get the fresh record from GET users/{id}; for everyone else that endpoint is
 * admin-only, so the panel shows the list's row and never asks.
 */
export function MemberDetailsPanel({
  organization,
  userId,
  listMember,
  canAdminister,
  isOnlyAdmin,
  guardReason,
  onClose,
  returnFocusTo,
  ...actions
}: MemberDetailsPanelProps) {
  const detail = useQuery({
    ...memberQueries.detail(organization, userId),
    enabled: canAdminister,
    placeholderData: listMember,
  })
  const member = canAdminister ? detail.data : listMember
  // The list's row stands in until the member's own answer (with when they joined) is in.
  const isFetchingDetail = canAdminister && detail.isPlaceholderData

  return (
    <SidePanel
      open
      onClose={onClose}
      returnFocusTo={returnFocusTo}
      title={member ? displayName(member) : 'Member'}
      description={member && (member.name || member.surname) ? member.email : undefined}
    >
      {member ? (
        <MemberDetails
          organization={organization}
          member={member}
          isFetchingDetail={isFetchingDetail}
          canAdminister={canAdminister}
          isOnlyAdmin={isOnlyAdmin}
          guardReason={guardReason}
          {...actions}
        />
      ) : canAdminister && detail.isPending ? (
        <PendingState label="Loading the member" lines={4} />
      ) : canAdminister && detail.isError && detail.error ? (
        <ErrorState
          title="Could not load this member"
          error={detail.error}
          onRetry={() => void detail.refetch()}
          isRetrying={detail.isFetching}
        />
      ) : (
        <p>This person is not a member of {organization}. They may have been removed.</p>
      )}
    </SidePanel>
  )
}

function MemberDetails({
  organization,
  member,
  isFetchingDetail,
  canAdminister,
  isOnlyAdmin,
  guardReason,
  ...actions
}: {
  member: Member
  isFetchingDetail: boolean
  canAdminister: boolean
  isOnlyAdmin: boolean
  guardReason: string
} & RowActionHandlers & { organization: string }) {
  const reasonId = useId()
  return (
    <div className="stack">
      <dl className="ui-details">
        <dt>Email</dt>
        <dd>{member.email}</dd>
        <dt>Name</dt>
        <dd>{member.name || <span className="muted">Not set</span>}</dd>
        <dt>Surname</dt>
        <dd>{member.surname || <span className="muted">Not set</span>}</dd>
        <dt>Role</dt>
        <dd>{member.admin ? 'Admin' : 'Member'}</dd>
        <dt>Joined</dt>
        <dd>
          {member.creation_date ? (
            <time dateTime={member.creation_date}>{formatDateTime(member.creation_date)}</time>
          ) : (
            <NotGiven isFetching={isFetchingDetail} />
          )}
        </dd>
        <dt>Status</dt>
        <dd>
          {member.status ? (
            <span className="ui-badge">{member.status}</span>
          ) : (
            <NotGiven isFetching={isFetchingDetail} />
          )}
        </dd>
        <dt>User ID</dt>
        <dd>
          <span className="row">
            <code className="members-id">{member.id}</code>
            <CopyButton value={member.id} label="Copy user ID" />
          </span>
        </dd>
        <dt>Link</dt>
        <dd>
          <span className="row">
            <span className="muted">A link to this panel</span>
            <CopyButton value={window.location.href} label="Copy link to this member" />
          </span>
        </dd>
      </dl>
      {canAdminister && (
        <section className="stack-sm" aria-label="Manage this member">
          {isOnlyAdmin && (
            <p id={reasonId} className="ui-notice">
              {guardReason}
            </p>
          )}
          <MemberRowActions member={member} isOnlyAdmin={isOnlyAdmin} guardReasonId={reasonId} {...actions} />
        </section>
      )}
      {canAdminister && <MemberProjectAccess organization={organization} member={member} />}
    </div>
  )
}

/** A fact the API's answer leaves out (the hosted API has no join date; a list row has neither). */
function NotGiven({ isFetching }: { isFetching: boolean }) {
  return <span className="muted">{isFetching ? 'Loading…' : 'Not given by this API'}</span>
}
