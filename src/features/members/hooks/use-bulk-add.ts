import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Member } from '../../../api/types'
import { memberCreateOf } from '../lib/member-create'
import { errorMessageOf } from '../../../components/ui/query-state'
import { giveRole } from '../../projects/queries'
import type { Grant } from '../lib/grants'
import type { BulkRow } from '../lib/parse-email-list'
import { createLimiter } from '../../../lib/limiter'
import { addMember, insertIntoList, invalidateMembership } from '../queries'

/** Requests in flight at once: quick for 500 rows, gentle on the API. */
export const BULK_CONCURRENCY = 4
const LIST_UPDATE_INTERVAL_MS = 500

/** A project role of a row that could not be given, and the server's reason. */
export interface FailedGrant extends Grant {
  message: string
}

export type RowOutcome =
  | { state: 'skipped' } // not sent: the preview marked it (malformed, unknown project or role, duplicate, member)
  | { state: 'waiting' }
  | { state: 'sending' }
  | { state: 'added' }
  | { state: 'failed'; message: string } // not added: nothing of the row happened
  /** added, but some project roles were refused: a retry gives only those */
  | { state: 'partial'; memberId: string; failedGrants: FailedGrant[] }
  | { state: 'stopped' } // not sent because the admin pressed Stop

const initialOutcomes = (rows: readonly BulkRow[]): RowOutcome[] =>
  rows.map((row) => (row.status === 'valid' ? { state: 'waiting' } : { state: 'skipped' }))

/** What a row still needs: everything, or (after a partial result) only its refused project roles. */
interface Work {
  index: number
  memberId: string | null
  grants: readonly Grant[]
}

/**
 * Sends the valid rows of a reviewed list, BULK_CONCURRENCY at a time (through the app's one
 * limiter, src/lib/limiter.ts), keeping one outcome per row: each row adds the member, then gives
 * its project roles one after another (projects' giveRole, which makes them a project user
 * first). Each added member appears in the list at once; the lists are refetched once at the end.
 * `stop()` drops the rows still waiting (they end as `stopped`); those already sent still land.
 * `retry()` sends the failed and stopped rows again, and of a row whose member was added but some
 * roles refused, only those roles.
 */
export function useBulkAdd(organization: string, rows: readonly BulkRow[]) {
  const queryClient = useQueryClient()
  const [outcomes, setOutcomes] = useState<RowOutcome[]>(() => initialOutcomes(rows))
  const [isRunning, setIsRunning] = useState(false)
  const controller = useRef<AbortController | null>(null)

  // Leaving (the dialog unmounts) stops sending new rows; those already sent still land.
  useEffect(() => () => controller.current?.abort(), [])

  const send = useCallback(
    async (work: Work[]) => {
      if (work.length === 0) return
      const abort = new AbortController()
      controller.current = abort
      setIsRunning(true)
      const setOutcome = (index: number, outcome: RowOutcome) =>
        setOutcomes((current) => current.map((existing, i) => (i === index ? outcome : existing)))
      const indexes = new Set(work.map((item) => item.index))
      setOutcomes((current) => current.map((outcome, i) => (indexes.has(i) ? { state: 'waiting' } : outcome)))
      // New rows reach the list in batches: re-indexing 10,000 members for each of 500 answers would stall the page.
      let added: Member[] = []
      let flushTimer: ReturnType<typeof setTimeout> | undefined
      const flushAdded = () => {
        clearTimeout(flushTimer)
        flushTimer = undefined
        if (added.length) insertIntoList(queryClient, organization, ...added)
        added = []
      }
      const limiter = createLimiter(BULK_CONCURRENCY)
      await Promise.all(
        work.map(async ({ index, memberId, grants }) => {
          let isSent = false
          try {
            const outcome = await limiter.run(
              async (): Promise<RowOutcome> => {
                isSent = true
                setOutcome(index, { state: 'sending' })
                let id = memberId
                if (id === null) {
                  const member = await addMember(organization, memberCreateOf(rows[index]!))
                  added.push(member)
                  flushTimer ??= setTimeout(flushAdded, LIST_UPDATE_INTERVAL_MS)
                  id = member.id
                }
                const failedGrants: FailedGrant[] = []
                for (const grant of grants)
                  try {
                    await giveRole(queryClient, organization, { ...grant, userId: id })
                  } catch (error) {
                    failedGrants.push({ ...grant, message: errorMessageOf(error) })
                  }
                return failedGrants.length
                  ? { state: 'partial', memberId: id, failedGrants }
                  : { state: 'added' }
              },
              { signal: abort.signal },
            )
            setOutcome(index, outcome)
          } catch (error) {
            // Dropped by Stop before it was sent: it stays waiting, and is marked stopped below.
            if (isSent) setOutcome(index, { state: 'failed', message: errorMessageOf(error) })
          }
        }),
      )
      flushAdded()
      // Rows never started because of Stop say so: nothing is left silently unsent.
      if (abort.signal.aborted)
        setOutcomes((current) =>
          current.map((outcome) => (outcome.state === 'waiting' ? { state: 'stopped' } : outcome)),
        )
      setIsRunning(false)
      await invalidateMembership(queryClient, organization)
    },
    [organization, queryClient, rows],
  )

  const start = useCallback(
    () =>
      send(
        rows.flatMap((row, index) =>
          row.status === 'valid' ? [{ index, memberId: null, grants: row.grants }] : [],
        ),
      ),
    [rows, send],
  )
  const retry = useCallback(
    () =>
      send(
        outcomes.flatMap((outcome, index): Work[] => {
          if (outcome.state === 'failed' || outcome.state === 'stopped')
            return [{ index, memberId: null, grants: rows[index]!.grants }]
          if (outcome.state === 'partial')
            return [
              {
                index,
                memberId: outcome.memberId,
                grants: outcome.failedGrants.map(({ project, role }) => ({ project, role })),
              },
            ]
          return []
        }),
      ),
    [outcomes, rows, send],
  )
  const stop = useCallback(() => controller.current?.abort(), [])

  return { outcomes, isRunning, start, retry, stop }
}

export function countOutcomes(outcomes: readonly RowOutcome[]) {
  const counts = { skipped: 0, waiting: 0, sending: 0, added: 0, failed: 0, partial: 0, stopped: 0 }
  for (const outcome of outcomes) counts[outcome.state] += 1
  return counts
}
