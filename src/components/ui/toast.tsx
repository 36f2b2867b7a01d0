import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'

export type ToastTone = 'info' | 'success' | 'error'

export interface ToastOptions {
  message: string
  tone?: ToastTone
  /** One button in the toast, e.g. {label: 'Undo', onAction}. The toast closes when it is pressed. */
  action?: { label: string; onAction: () => void }
  /** How long it stays; paused while the pointer or focus is on it. Default 5 s (8 s with an action). */
  durationMs?: number
}

interface Toast extends Required<Pick<ToastOptions, 'message' | 'tone' | 'durationMs'>> {
  id: number
  action?: ToastOptions['action']
}

interface ToastApi {
  /** Shows a toast and returns its id. */
  show: (options: ToastOptions) => number
  dismiss: (id: number) => void
}

const ToastContext = createContext<ToastApi | null>(null)

/** useToast().show({message, tone, action?, durationMs?}). Needs a <ToastProvider> above. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext)
  if (!api) throw new Error('useToast must be used inside <ToastProvider>')
  return api
}

let nextId = 1

/** Holds the toasts and renders them in a polite live region (errors in an assertive one). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), [])
  const show = useCallback((options: ToastOptions) => {
    const id = nextId++
    const toast: Toast = {
      id,
      message: options.message,
      tone: options.tone ?? 'info',
      action: options.action,
      durationMs: options.durationMs ?? (options.action ? 8000 : 5000),
    }
    // At most three at once: an old one makes room rather than covering the page.
    setToasts((current) => [...current.slice(-2), toast])
    return id
  }, [])
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss])

  const polite = toasts.filter((t) => t.tone !== 'error')
  const assertive = toasts.filter((t) => t.tone === 'error')
  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* The live regions always exist, so that screen readers notice what is added to them. */}
      <section className="ui-toasts" aria-label="Notifications">
        <ul className="ui-toasts__list" aria-live="polite" aria-label="Messages">
          {polite.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </ul>
        <ul className="ui-toasts__list" aria-live="assertive" aria-label="Errors">
          {assertive.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </ul>
      </section>
    </ToastContext.Provider>
  )
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [isPaused, setIsPaused] = useState(false)
  const remaining = useRef(toast.durationMs)

  useEffect(() => {
    if (isPaused) return
    const startedAt = Date.now()
    const timer = setTimeout(() => onDismiss(toast.id), remaining.current)
    return () => {
      clearTimeout(timer)
      remaining.current = Math.max(1000, remaining.current - (Date.now() - startedAt))
    }
  }, [isPaused, onDismiss, toast.id])

  return (
    <li
      className={`ui-toast ui-toast--${toast.tone}`}
      onMouseEnter={() => setIsPaused(true)}
      onMouseLeave={() => setIsPaused(false)}
      onFocus={() => setIsPaused(true)}
      onBlur={() => setIsPaused(false)}
    >
      <p className="ui-toast__message">{toast.message}</p>
      {toast.action && (
        <button
          type="button"
          className="ui-button ui-button--small"
          onClick={() => {
            toast.action?.onAction()
            onDismiss(toast.id)
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="ui-button ui-button--ghost ui-button--small"
        aria-label="Dismiss notification"
        onClick={() => onDismiss(toast.id)}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </li>
  )
}
