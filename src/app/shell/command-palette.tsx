import { lazy, Suspense, useEffect, useState } from 'react'
import type { PaletteOpen } from './command-palette-dialogs'
import './command-palette.css'

// The palette's dialogs (commands, member lookups, actions) load on its first opening: the header
// is on every first page, and those pages' JavaScript is held to 125 KB (bench/bytes.ts).
const PaletteDialogs = lazy(() => import('./command-palette-dialogs'))

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const SHORTCUT = isMac ? '⌘K' : 'Ctrl K'

/**
 * The command palette's trigger in the header, and its shortcut Ctrl-K / ⌘K on every page; the
 * palette itself is ./command-palette-dialogs.tsx.
 */
export function CommandPalette() {
  const [open, setOpen] = useState<PaletteOpen | null>(null)

  useEffect(() => {
    const handleKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'k') return
      // Another dialog owns the keyboard; the palette's own dialog closes on a second press.
      if (document.querySelector('dialog[open]:not(.command-palette)')) return
      event.preventDefault()
      setOpen((now) => (now === 'palette' ? null : 'palette'))
    }
    document.addEventListener('keydown', handleKeyDown)
    return () => document.removeEventListener('keydown', handleKeyDown)
  }, [])

  return (
    <>
      <button
        type="button"
        className="ui-button ui-button--ghost command-palette__trigger"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen('palette')}
      >
        <svg
          className="command-palette__icon"
          width="16"
          height="16"
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
        >
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
          <path d="m15.5 15.5 5 5" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
        </svg>
        <span className="command-palette__label">Go to…</span>
        <kbd aria-hidden="true">{SHORTCUT}</kbd>
      </button>
      {open !== null && (
        <Suspense fallback={null}>
          <PaletteDialogs open={open} setOpen={setOpen} />
        </Suspense>
      )}
    </>
  )
}
