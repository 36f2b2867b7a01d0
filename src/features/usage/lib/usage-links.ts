// Links out of the usage page that keep its view (range, interval, comparison).
import { paths } from '../../../lib/paths'
import { usageViewSearch, type UsageView } from './usage-address'

/**
 * A project's own usage (the drill-down, `/organizations/:org/projects/:project/usage`) with the
 * view kept. The one place the "why this day" panel builds this link: once the drill-down's manifest
 * entry is in src/lib/paths.ts, its `href` replaces the path below.
 */
export function projectUsageLink(organization: string, project: string, view: UsageView): string {
  const search = usageViewSearch(view).toString()
  return `${paths.project(organization, project)}/usage${search ? `?${search}` : ''}`
}
