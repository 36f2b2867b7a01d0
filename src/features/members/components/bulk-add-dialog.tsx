import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { PROJECT_ROLES } from '../../../../domain/project'
import type { Member } from '../../../api/types'
import { Dialog } from '../../../components/ui/dialog'
import { projectQueries } from '../../projects/queries'
import { parseEmailList, type BulkRow } from '../lib/parse-email-list'
import { BulkAddInput } from './bulk-add-input'
import { BulkAddReview } from './bulk-add-review'

interface BulkAddDialogProps {
  organization: string
  members: readonly Member[]
  open: boolean
  onClose: () => void
}

/**
 * Adding many people: paste or drop a list, review what will happen to every line, then send
 * the valid ones with a bounded number of requests in flight and a result per row.
 */
export function BulkAddDialog({ organization, members, open, onClose }: BulkAddDialogProps) {
  const [isSending, setIsSending] = useState(false)
  return (
    <Dialog
      open={open}
      onClose={onClose}
      dismissible={!isSending}
      title="Add many members"
      description="Nothing is sent until you have reviewed the list."
    >
      <BulkAddFlow
        organization={organization}
        members={members}
        onClose={onClose}
        onSendingChange={setIsSending}
      />
    </Dialog>
  )
}

function BulkAddFlow({
  organization,
  members,
  onClose,
  onSendingChange,
}: {
  organization: string
  members: readonly Member[]
  onClose: () => void
  onSendingChange: (isSending: boolean) => void
}) {
  const [text, setText] = useState('')
  const [reviewed, setReviewed] = useState<BulkRow[] | null>(null)
  const [isReviewing, setIsReviewing] = useState(false)
  const memberEmails = useMemo(() => members.map((member) => member.email), [members])
  const queryClient = useQueryClient()
  // Started with the dialog, so that the projects are usually in by the time the list is reviewed.
  useQuery(projectQueries.list(organization))

  /** Project roles in the list are checked against the organization's projects (waited for, if need be). */
  const review = async (value: string) => {
    setIsReviewing(true)
    const projects = await queryClient.ensureQueryData(projectQueries.list(organization)).catch(() => null)
    setIsReviewing(false)
    const known = projects && { projects: projects.map((project) => project.name), roles: PROJECT_ROLES }
    setReviewed(parseEmailList(value, memberEmails, known))
  }

  if (reviewed)
    return (
      <BulkAddReview
        organization={organization}
        rows={reviewed}
        onBack={() => setReviewed(null)}
        onClose={onClose}
        onSendingChange={onSendingChange}
      />
    )
  return (
    <BulkAddInput
      text={text}
      onTextChange={setText}
      onReview={(value) => void review(value)}
      isReviewing={isReviewing}
      onCancel={onClose}
    />
  )
}
