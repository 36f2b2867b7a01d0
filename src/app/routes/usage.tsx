import { UsagePage } from '../../features/usage/components/usage-page'

// This module, the usage feature and recharts load only when the usage page is opened (a lazy route).
export default UsagePage
