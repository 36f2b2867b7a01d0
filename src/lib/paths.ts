/**
 * The route manifest: every page of the dashboard, declared once. Each entry gives its pattern
 * beside the function that builds its link (house style "A page's pattern and its link side by
 * side"), the name it goes by on screen, where it shows up (organization tab, command palette,
 * breadcrumb) and the route module that draws it. The router (src/app/router.tsx) builds its
 * routes from this list, the organization frame its tabs, the palette its page commands, and
 * every link in the app is `paths.<id>(…)`. Links are paths (no origin); names and ids are encoded
 * as one path segment each, so an organization called `a/b` or `<x>` is still one segment.
 *
 * Adding a page: one entry here plus its module in src/app/routes/ (README "How to add an
 * organization page"); a loader in src/app/loaders.ts only when the page wants data before it shows.
 */
const segment = (value: string) => encodeURIComponent(value)
const organizationPath = (name: string) => `/organizations/${segment(name)}`

/**
 * Which frame a page is drawn in: none (sign-in), the signed-in app's header, or the
 * organization's breadcrumbs, name and tabs below that header.
 */
export type PageFrame = 'public' | 'app' | 'organization'

/** One page of the manifest; `href`'s first argument is the organization's name for organization pages. */
export interface PageEntry<Href extends (...args: never[]) => string = (...args: never[]) => string> {
  /** react-router pattern of the whole address; an organization page's starts with `/organizations/:name` */
  pattern: string
  /** builds the page's address from its parameters */
  href: Href
  /** what tabs, palette, titles and breadcrumbs call it */
  label: string
  frame: PageFrame
  /** file name (without `.tsx`) of its route module in src/app/routes/, loaded on first visit */
  module: string
  /** shown among the organization's tabs (in manifest order) */
  tab?: boolean
  /** its tab shows to the organization's admins (and staff) only */
  adminOnly?: boolean
  /** offered by the command palette as a page of an organization (in manifest order) */
  palette?: boolean
  /** more words the palette finds the page by, beside its label (a report found by "usage") */
  keywords?: string
  /**
   * For a page below a tab's own page (the report below Usage): its last breadcrumb, the tab's
   * crumb then linking back (src/components/ui/breadcrumbs.tsx's `CrumbHandle`).
   */
  crumb?: string | ((params: Readonly<Record<string, string | undefined>>) => string)
  /**
   * The tab a page belongs to when its address lies under another's (a project's usage, under
   * Projects by address, is a level of Usage): that tab is current, and its crumb links back with
   * the page's search params (the view the two pages share).
   */
  below?: 'usage'
  /**
   * its loader reads the search params: a change of only those loads its data again; `true`, or the
   * params it does not read (a change of only those loads nothing: the usage page's chosen `day`)
   */
  loadsSearch?: boolean | { except: readonly string[] }
  /**
   * Parts of the page a link may open at (`#id`; focus lands on the element with that id), offered
   * by the command palette beside the pages, e.g. the overview's credit budget.
   */
  sections?: readonly PageSection[]
}

/** A part of a page with an address of its own: the element's id, and what the palette calls it. */
export interface PageSection {
  id: string
  label: string
  /** more words the palette matches it by */
  keywords?: string
}

/** The overview's credit budget card (src/app/routes/organization-overview.tsx gives it this id). */
export const CREDIT_BUDGET_SECTION: PageSection = {
  id: 'credit-budget',
  label: 'Credit budget',
  keywords: 'credits spending limit warning',
}

const page = <Href extends (...args: never[]) => string>(entry: PageEntry<Href>) => entry

/** The pages, by id (also the route's id); order matters for tabs and palette. */
export const pages = {
  signIn: page({
    pattern: '/sign-in',
    href: () => '/sign-in',
    label: 'Sign in',
    frame: 'public',
    module: 'sign-in',
  }),
  /** Home: where signing in leads when there is nowhere else to go back to. */
  organizations: page({
    pattern: '/organizations',
    href: () => '/organizations',
    label: 'Organizations',
    frame: 'app',
    module: 'organizations',
  }),
  organization: page({
    pattern: '/organizations/:name',
    href: organizationPath,
    label: 'Overview',
    frame: 'organization',
    module: 'organization-overview',
    tab: true,
    palette: true,
    sections: [CREDIT_BUDGET_SECTION],
  }),
  /** The members list, or one member's details beside it. */
  members: page({
    pattern: '/organizations/:name/members/:userId?',
    href: (name: string, userId?: string) =>
      `${organizationPath(name)}/members${userId === undefined ? '' : `/${segment(userId)}`}`,
    label: 'Members',
    frame: 'organization',
    module: 'members',
    tab: true,
    palette: true,
  }),
  /** The organization's projects: name, members count, the caller's role. */
  projects: page({
    pattern: '/organizations/:name/projects',
    href: (name: string) => `${organizationPath(name)}/projects`,
    label: 'Projects',
    frame: 'organization',
    module: 'projects',
    tab: true,
    palette: true,
  }),
  /** One project of the organization: its members and their roles; its crumb is the project's name. */
  project: page({
    pattern: '/organizations/:name/projects/:project',
    href: (name: string, project: string) => `${organizationPath(name)}/projects/${segment(project)}`,
    label: 'Project',
    frame: 'organization',
    module: 'project',
    crumb: (params) => params.project ?? 'Project',
  }),
  /** Members × projects with each member's project roles; filters (`q`, `project`, `role`) in the search params. */
  access: page({
    pattern: '/organizations/:name/access',
    href: (name: string) => `${organizationPath(name)}/access`,
    label: 'Access',
    frame: 'organization',
    module: 'access',
    tab: true,
    palette: true,
  }),
  /** The service users (API tokens) of every project the viewer manages, with flags; create, reset, delete. */
  serviceUsers: page({
    pattern: '/organizations/:name/service-users',
    href: (name: string) => `${organizationPath(name)}/service-users`,
    label: 'Service users',
    frame: 'organization',
    module: 'service-users',
    tab: true,
    palette: true,
  }),
  /** Every project's audit events, newest first; filters (`person`, `project`, `action`, `from`, `to`) in the search params. */
  audit: page({
    pattern: '/organizations/:name/audit',
    href: (name: string) => `${organizationPath(name)}/audit`,
    label: 'Audit trail',
    frame: 'organization',
    module: 'audit',
    tab: true,
    adminOnly: true,
  }),
  usage: page({
    pattern: '/organizations/:name/usage',
    href: (name: string) => `${organizationPath(name)}/usage`,
    label: 'Usage',
    frame: 'organization',
    module: 'usage',
    tab: true,
    palette: true,
    loadsSearch: { except: ['day'] },
  }),
  /**
   * One project's usage, a level of the organization's (per deployment version; 2022 per metric),
   * with the same view in the search params. Breadcrumbs: Organizations › org › Usage › project,
   * since an admin comes here from Usage and goes back there with the view kept.
   */
  projectUsage: page({
    pattern: '/organizations/:name/projects/:project/usage',
    href: (name: string, project: string, search?: string) =>
      `${organizationPath(name)}/projects/${segment(project)}/usage${search ? `?${search}` : ''}`,
    label: 'Project usage',
    frame: 'organization',
    module: 'project-usage',
    crumb: (params) => params.project ?? 'Project',
    below: 'usage',
    loadsSearch: { except: ['day'] },
  }),
  /**
   * The printable monthly report; `period` as domain/report-periods.ts writes it (none: the current
   * period); `project` for one project's (none: the organization's).
   */
  usageReport: page({
    pattern: '/organizations/:name/usage/report',
    href: (name: string, period?: string | null, project?: string) => {
      const search = new URLSearchParams()
      if (period) search.set('period', period)
      if (project) search.set('project', project)
      return `${organizationPath(name)}/usage/report${search.size ? `?${search.toString()}` : ''}`
    },
    label: 'Monthly report',
    frame: 'organization',
    module: 'usage-report',
    palette: true,
    keywords: 'usage print pdf',
    crumb: 'Monthly report',
    loadsSearch: true,
  }),
  settings: page({
    pattern: '/organizations/:name/settings',
    href: (name: string) => `${organizationPath(name)}/settings`,
    label: 'Settings',
    frame: 'organization',
    module: 'organization-settings',
    tab: true,
    palette: true,
  }),
} as const

export type PageId = keyof typeof pages

/** Every page's link builder by id: `paths.members('acme', 'u-1')`. */
export const paths = Object.fromEntries(Object.entries(pages).map(([id, entry]) => [id, entry.href])) as {
  [Id in PageId]: (typeof pages)[Id]['href']
}

/** The manifest as a list, in order, with each entry's id. */
export const pageList = (Object.keys(pages) as PageId[]).map((id) => ({ id, ...(pages[id] as PageEntry) }))

/** An organization's page as tabs and palette list it: `href(name)` opens it as it opens (no search params). */
export interface OrganizationPage {
  id: PageId
  label: string
  /** shown to the organization's admins only */
  adminOnly: boolean
  /** the manifest's `keywords`, for the palette */
  keywords?: string
  href: (name: string) => string
}

const organizationPages = (wanted: (entry: PageEntry) => boolean | undefined): OrganizationPage[] =>
  pageList
    .filter((entry) => entry.frame === 'organization' && wanted(entry))
    .map(({ id, label, href, adminOnly, keywords }) => ({
      id,
      label,
      adminOnly: adminOnly === true,
      keywords,
      href: (name) => (href as (name: string) => string)(name),
    }))

/** The pages an organization shows as tabs, in manifest order. */
export const organizationTabs = organizationPages((entry) => entry.tab)

/** The pages of an organization the command palette offers, in manifest order. */
export const palettePages = organizationPages((entry) => entry.palette)

/** The sections of an organization's pages the command palette offers: `href(name)` opens the page at it. */
export const paletteSections: Array<{
  id: string
  label: string
  keywords?: string
  href: (name: string) => string
}> = pageList
  .filter((entry) => entry.frame === 'organization' && entry.palette)
  .flatMap(({ id, href, sections = [] }) =>
    sections.map((section) => ({
      id: `${id}#${section.id}`,
      label: section.label,
      keywords: section.keywords,
      href: (name: string) => `${(href as (name: string) => string)(name)}#${section.id}`,
    })),
  )

/**
 * The path of the same sub-page (settings, members…) under another organization name, e.g.
 * `/organizations/acme/members/u-1` → `/organizations/beta/members/u-1`. A path outside the
 * old organization leads to the new organization's overview.
 */
export function pathUnderNewName(pathname: string, oldName: string, newName: string): string {
  const prefix = organizationPath(oldName)
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return organizationPath(newName)
  return organizationPath(newName) + pathname.slice(prefix.length)
}
