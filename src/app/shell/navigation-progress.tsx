/**
 * The pending UI of a navigation (react-router's useNavigation): a thin bar under the header
 * while the next page's code and data load, announced to screen readers. It appears only after
 * a short delay (CSS), so that quick navigations do not flicker.
 */
export function NavigationProgress({ isActive }: { isActive: boolean }) {
  if (!isActive) return null
  return (
    <div className="navigation-progress" role="progressbar" aria-label="Loading the page">
      <span className="navigation-progress__bar" />
    </div>
  )
}
