// Placeholder until its issue lands: replaced by the real route module.
export default function NotFoundRoute() {
  return <h1>not-found</h1>
}
