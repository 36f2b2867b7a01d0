import { Outlet } from 'react-router'

// Placeholder until its issue lands: replaced by the real route module.
export default function AppLayoutRoute() {
  return <Outlet />
}
