// Placeholder until its issue lands: replaced by the real route module.
export default function OrganizationsRoute() {
  return <h1>organizations</h1>
}
