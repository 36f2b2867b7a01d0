// Placeholder until its issue lands: replaced by the real route module.
export default function MembersRoute() {
  return <h1>members</h1>
}
