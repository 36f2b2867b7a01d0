import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

const isOnline = () => navigator.onLine

/**
 * Says so while the browser is offline. Queries pause meanwhile (react-query's onlineManager) and
 * refetch on their own when the connection is back, so the banner only needs to explain the wait.
 */
export function OfflineBanner() {
  const online = useSyncExternalStore(subscribe, isOnline, () => true)
  if (online) return null
  return (
    <div className="ui-notice ui-offline-banner" role="status">
      You are offline. What you see may be out of date; the page updates when the connection is back.
    </div>
  )
}
