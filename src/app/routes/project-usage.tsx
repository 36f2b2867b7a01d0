import { UsagePage } from '../../features/usage/components/usage-page'

// A project's usage is the usage page at the project level (a lazy route, as the organization's).
export default UsagePage
