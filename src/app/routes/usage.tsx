// Placeholder until its issue lands: replaced by the real route module.
export default function UsageRoute() {
  return <h1>usage</h1>
}
