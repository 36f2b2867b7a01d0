import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Member } from '../../../api/types'
import { memberCreateOf } from '../lib/member-create'
import type { BulkRow } from '../lib/parse-email-list'
import { createLimiter } from '../../../lib/limiter'
import { addMember, insertIntoList, invalidateMembership } from '../queries'
import { errorMessageOf } from '../../../components/ui/query-state'

/** Requests in flight at once: quick for 500 rows, gentle on the API. */
export const BULK_CONCURRENCY = 4
const LIST_UPDATE_INTERVAL_MS = 500

export type RowOutcome =
  | { state: 'skipped' } // not sent: the preview marked it (malformed, duplicate, member)
  | { state: 'waiting' }
  | { state: 'sending' }
  | { state: 'added' }
  | { state: 'failed'; message: string }
  | { state: 'stopped' } // not sent because the admin pressed Stop

const initialOutcomes = (rows: readonly BulkRow[]): RowOutcome[] =>
  rows.map((row) => (row.status === 'valid' ? { state: 'waiting' } : { state: 'skipped' }))

/**
 * Sends the valid rows of a reviewed list, BULK_CONCURRENCY at a time (through the app's one
 * limiter, src/lib/limiter.ts), keeping one outcome per row. Each added member appears in the list
 * at once; the list is refetched once at the end. `stop()` drops the rows still waiting (they end
 * as `stopped`); those already sent still land. `retry()` sends the failed and stopped rows again.
 */
export function useBulkAdd(organization: string, rows: readonly BulkRow[]) {
  const queryClient = useQueryClient()
  const [outcomes, setOutcomes] = useState<RowOutcome[]>(() => initialOutcomes(rows))
  const [isRunning, setIsRunning] = useState(false)
  const controller = useRef<AbortController | null>(null)

  // Leaving (the dialog unmounts) stops sending new rows; those already sent still land.
  useEffect(() => () => controller.current?.abort(), [])

  const send = useCallback(
    async (indexes: number[]) => {
      if (indexes.length === 0) return
      const abort = new AbortController()
      controller.current = abort
      setIsRunning(true)
      const setOutcome = (index: number, outcome: RowOutcome) =>
        setOutcomes((current) => current.map((existing, i) => (i === index ? outcome : existing)))
      setOutcomes((current) =>
        current.map((outcome, i) => (indexes.includes(i) ? { state: 'waiting' } : outcome)),
      )
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
        indexes.map(async (index) => {
          let isSent = false
          try {
            const member = await limiter.run(
              () => {
                isSent = true
                setOutcome(index, { state: 'sending' })
                return addMember(organization, memberCreateOf(rows[index]!))
              },
              { signal: abort.signal },
            )
            added.push(member)
            flushTimer ??= setTimeout(flushAdded, LIST_UPDATE_INTERVAL_MS)
            setOutcome(index, { state: 'added' })
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
    () => send(rows.flatMap((row, index) => (row.status === 'valid' ? [index] : []))),
    [rows, send],
  )
  const retry = useCallback(
    () =>
      send(
        outcomes.flatMap((outcome, index) =>
          outcome.state === 'failed' || outcome.state === 'stopped' ? [index] : [],
        ),
      ),
    [outcomes, send],
  )
  const stop = useCallback(() => controller.current?.abort(), [])

  return { outcomes, isRunning, start, retry, stop }
}

export function countOutcomes(outcomes: readonly RowOutcome[]) {
  const counts = { skipped: 0, waiting: 0, sending: 0, added: 0, failed: 0, stopped: 0 }
  for (const outcome of outcomes) counts[outcome.state] += 1
  return counts
}
