// Links out of the usage page that keep its view (range, interval, comparison).
import { paths } from '../../../lib/paths'
import { usageViewSearch, type UsageView } from './usage-address'

/**
 * A project's own usage (the drill-down, `/organizations/:org/projects/:project/usage`) with the
 * view kept: the link the "why this day" panel opens the project's deployment versions by.
 */
export function projectUsageLink(organization: string, project: string, view: UsageView): string {
  return paths.projectUsage(organization, project, usageViewSearch(view).toString())
}
