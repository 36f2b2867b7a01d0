import { useEffect, useState } from 'react'
import { Button } from './button'

/**
 * Copies `value` to the clipboard. Props: value, label (what is copied, for the accessible name:
 * "Copy organization id"). Says "Copied" for two seconds, announced politely.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  const handleCopy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      // Clipboard access refused (an insecure origin, a denied permission): say so.
      setState('failed')
    }
  }

  return (
    <span className="row">
      <Button size="small" onClick={() => void handleCopy()} aria-label={label}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span role="status" className={state === 'failed' ? 'ui-field__error' : 'visually-hidden'}>
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Could not copy; select the text instead'
            : ''}
      </span>
    </span>
  )
}
