import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Button } from './button'

/** One grey placeholder bar. Props: width (CSS length, default 100%), height. */
export function Skeleton({ width = '100%', height = '1rem' }: { width?: string; height?: string }) {
  return <span className="ui-skeleton" style={{ width, height }} aria-hidden="true" />
}

/**
 * The pending state of a view: placeholder bars shaped like what is coming, and a status that
 * tells screen readers what is loading. Props: label ("Loading organizations"), lines, children
 * (a custom skeleton instead of the bars).
 */
export function PendingState({
  label,
  lines = 3,
  children,
}: {
  label: string
  lines?: number
  children?: ReactNode
}) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="stack-sm">
      <span className="visually-hidden">{label}…</span>
      {children ??
        Array.from({ length: lines }, (_, index) => (
          <Skeleton key={index} width={`${100 - ((index * 17) % 45)}%`} height="1.25rem" />
        ))}
    </div>
  )
}

/** The message of any thrown value, for people. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message
  return 'Something went wrong. Try again.'
}

/**
 * The error state of a view: what failed, the server's reason, and a Retry button.
 * Props: title ("Could not load the organizations"), error, onRetry, isRetrying.
 */
export function ErrorState({
  title,
  error,
  onRetry,
  isRetrying = false,
}: {
  title: string
  error: unknown
  onRetry?: () => void
  isRetrying?: boolean
}) {
  return (
    <div role="alert" className="ui-state ui-state--error">
      <h2>{title}</h2>
      <p>{errorMessageOf(error)}</p>
      {onRetry && (
        <Button onClick={onRetry} isPending={isRetrying}>
          Retry
        </Button>
      )}
    </div>
  )
}

/** The empty state of a view: a title, a sentence, and usually the action that fills it. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string
  children?: ReactNode
  action?: ReactNode
}) {
  return (
    <div className="ui-state ui-state--center">
      <h2>{title}</h2>
      {children && <div className="muted">{children}</div>}
      {action}
    </div>
  )
}

export interface QueryViewProps<T> {
  query: UseQueryResult<T>
  /** What a loading view says to screen readers, e.g. "Loading members". */
  pendingLabel: string
  /** A skeleton shaped like the content; defaults to bars. */
  pending?: ReactNode
  /** The error title, e.g. "Could not load the members". */
  errorTitle: string
  /** When the data counts as empty (e.g. an empty list) and `empty` is rendered instead. */
  isEmpty?: (data: T) => boolean
  empty?: ReactNode
  children: (data: T) => ReactNode
}

/** Renders a query's pending → error (with Retry) → empty → data states, explicitly and in that order. */
export function QueryView<T>({
  query,
  pendingLabel,
  pending,
  errorTitle,
  isEmpty,
  empty,
  children,
}: QueryViewProps<T>) {
  if (query.isPending) return <PendingState label={pendingLabel}>{pending}</PendingState>
  if (query.isError)
    return (
      <ErrorState
        title={errorTitle}
        error={query.error}
        onRetry={() => void query.refetch()}
        isRetrying={query.isFetching}
      />
    )
  if (isEmpty?.(query.data) && empty !== undefined) return <>{empty}</>
  return <>{children(query.data)}</>
}
