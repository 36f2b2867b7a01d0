// Placeholder until its issue lands: replaced by the real route module.
export default function OrganizationSettingsRoute() {
  return <h1>organization-settings</h1>
}
