// Placeholder until its issue lands: replaced by the real route module.
export default function OrganizationOverviewRoute() {
  return <h1>organization-overview</h1>
}
