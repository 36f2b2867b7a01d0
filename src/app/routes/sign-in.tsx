// Placeholder until its issue lands: replaced by the real route module.
export default function SignInRoute() {
  return <h1>sign-in</h1>
}
