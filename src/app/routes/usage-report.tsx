import { UsageReportPage } from '../../features/usage/components/usage-report-page'

// The report, the usage feature and recharts load only when the report is opened (a lazy route).
export default UsageReportPage
