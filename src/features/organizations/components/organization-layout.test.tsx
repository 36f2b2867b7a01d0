import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import { createMemoryRouter, Outlet, RouterProvider, useParams } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { CrumbHandle } from '../../../components/ui/breadcrumbs'
import { organizationQueries } from '../queries'
import { OrganizationLayout } from './organization-layout'

function Frame() {
  const { name = '' } = useParams()
  return (
    <OrganizationLayout name={name}>
      <Outlet />
    </OrganizationLayout>
  )
}

/** The frame at `path`, under routes shaped as the app's: the usage page and a page below it. */
function renderAt(path: string) {
  const queryClient = new QueryClient()
  queryClient.setQueryData(organizationQueries.detail('acme').queryKey, {
    id: 'o-1',
    name: 'acme',
    creation_date: '2024-01-01T00:00:00Z',
    subscription: 'free',
  } as never)
  const router = createMemoryRouter(
    [
      {
        path: '/organizations/:name',
        Component: Frame,
        children: [
          { path: 'usage', Component: () => <p>Usage page</p> },
          {
            path: 'usage/report',
            handle: { crumb: 'Monthly report' } satisfies CrumbHandle,
            Component: () => <p>Report page</p>,
          },
          {
            path: 'projects/:project/usage',
            handle: { crumb: (params) => params.project ?? '', tab: 'usage' } satisfies CrumbHandle,
            Component: () => <p>Project usage page</p>,
          },
        ],
      },
    ],
    { initialEntries: [path] },
  )
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return within(screen.getByRole('navigation', { name: 'Breadcrumb' }))
}

describe('OrganizationLayout breadcrumbs', () => {
  it('end in the tab on the tab’s own page', async () => {
    const crumbs = renderAt('/organizations/acme/usage?range=7d')
    expect(crumbs.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Organizations',
      'acme',
      'Usage',
    ])
    expect(crumbs.getByText('Usage')).toHaveAttribute('aria-current', 'page')
  })

  it('end in a page below the tab, the tab linking back to its page with nothing else', () => {
    const crumbs = renderAt('/organizations/acme/usage/report?period=2026-11')
    expect(crumbs.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Organizations',
      'acme',
      'Usage',
      'Monthly report',
    ])
    expect(crumbs.getByRole('link', { name: 'Usage' })).toHaveAttribute('href', '/organizations/acme/usage')
    expect(crumbs.getByText('Monthly report')).toHaveAttribute('aria-current', 'page')
  })

  it('end in a page that belongs to a tab outside its address, the tab current and linking back with the view', () => {
    const crumbs = renderAt('/organizations/acme/projects/churn-acme/usage?range=30d&compare=previous')
    expect(crumbs.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Organizations',
      'acme',
      'Usage',
      'churn-acme',
    ])
    expect(crumbs.getByRole('link', { name: 'Usage' })).toHaveAttribute(
      'href',
      '/organizations/acme/usage?range=30d&compare=previous',
    )
    expect(screen.getByRole('link', { name: 'Usage', current: 'page' })).toBeInTheDocument()
  })
})
