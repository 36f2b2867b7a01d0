// Deterministic demo data for an empty database: the same data for the same day, so screenshots and
// benchmarks compare. Dates are relative to today so that the current subscription periods have usage.
import type Database from 'better-sqlite3'
import { addDays, addMonths, utcToday as todayUtc } from '../../domain/dates'
import { USAGE_SERIES } from '../../domain/usage'
import { tokensRepository } from '../repositories/tokens'
import { seedAuditEvents } from './seed-audit'

export const DEMO = {
  /** Admin of every demo organization. */
  adminEmail: 'admin@example.com',
  /** A member, not admin, of every demo organization. */
  memberEmail: 'member@example.com',
  /** Platform staff (the platform operator), member of none. */
  staffEmail: 'operator@example.com',
  organizations: ['acme-analytics', 'northwind-labs', 'sandbox'],
  /** The organization with 10,000 members. */
  largeOrganization: 'acme-analytics',
  largeOrganizationMembers: 10_000,
  /** How many days of daily usage each organization has, ending today. */
  usageDays: 460,
  /** Voucher codes the server knows (current generation: GET /vouchers/{code}, `voucher` on create). */
  vouchers: [
    { code: 'WELCOME-2026', description: 'Welcome offer: 5,000 extra credits in the first month.' },
    { code: 'EDU-CLASSROOM', description: 'Education: the professional subscription free for one semester.' },
  ],
  /** The organization whose credits come from projects of different profiles, and a deleted one. */
  projectsOrganization: 'acme-analytics',
  /** A project of acme-analytics deleted this many days ago; it has usage until then. */
  deletedProject: { name: 'legacy-scoring-acme', deletedDaysAgo: 30 },
  /**
   * The day the demo's credits jump, so that an admin can find why: from this many days ago, one
   * deployment version of this project of acme-analytics runs about twice as much, and the project's
   * audit trail has the configuration change behind it on that day.
   */
  usageJump: { projectName: 'churn-acme', deploymentName: 'churn-scorer', version: 'v4', daysAgo: 12 },
  /**
   * Per organization, the project whose only users are the organization's admins (each project's
   * users also include every organization admin, as project-admin, as on the hosted API).
   */
  adminsOnlyProjects: ['demand-acme', 'fraud-northwind', 'churn-sandbox'],
  /** Projects where member@example.com holds a role (editor on the first, viewer on the others). */
  memberProjects: {
    'acme-analytics': [
      'churn-acme',
      'vision-acme',
      'pricing-acme',
      'routing-acme',
      'ocr-acme',
      'sensor-acme',
    ],
    'northwind-labs': ['churn-northwind', 'vision-northwind'],
    sandbox: [],
  } as Record<string, string[]>,
} as const

/** mulberry32: a tiny seeded PRNG, so that every seed of a day is the same. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((Math.floor(next() * 4) + 8) as number).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Amara',
  'Bram',
  'Chen',
  'Dana',
  'Eline',
  'Farah',
  'Gijs',
  'Hana',
  'Ivan',
  'Jasmijn',
  'Kofi',
  'Lena',
  'Mateo',
  'Noor',
  'Oscar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Umar',
  'Vera',
  'Wout',
  'Yara',
  'Zoe',
]
const SURNAMES = [
  'Bakker',
  'Chowdhury',
  'de Vries',
  'Evans',
  'Fischer',
  'Garcia',
  'Hoekstra',
  'Ito',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Mensah',
  'Nakamura',
  'Okafor',
  'Peters',
  'Rossi',
  'Santos',
  'Tanaka',
  'van Dijk',
  'Visser',
  'Wang',
  'Yilmaz',
]
const PROJECT_WORDS = [
  'churn',
  'forecast',
  'vision',
  'fraud',
  'pricing',
  'search',
  'routing',
  'nlp',
  'ocr',
  'demand',
  'sensor',
  'recsys',
]
const ROLES = ['project-admin', 'project-editor', 'project-viewer']

interface OrganizationPlan {
  name: string
  subscription: string
  startDaysAgo: number
  lengthMonths: number | null
  members: number
  projects: number
  /** Credits on a weekday at the start of the usage history. */
  baseCredits: number
  /** How much busier the last day is than the first. */
  growth: number
  /**
   * Each project's share of the credits and volumes (by project index), before normalizing over the
   * projects live on a day: a few heavy ones, many light ones. Missing indexes get the last weight.
   */
  projectWeights: number[]
  /** The project (index) that started half-way through the usage history, if any. */
  midwayProject?: number
  twoFactorForced?: boolean
  overage?: boolean
  /** A deleted project with usage until its deletion. */
  deletedProject?: { name: string; deletedDaysAgo: number; weight: number }
  /** The project (index) whose users are the organization's admins only. */
  adminsOnlyProject: number
  /** How many members (besides admins and the demo member) each other project has. */
  teamSize: number
}

const PLANS: OrganizationPlan[] = [
  {
    name: 'acme-analytics',
    subscription: 'enterprise',
    startDaysAgo: 430,
    lengthMonths: 24,
    members: DEMO.largeOrganizationMembers,
    projects: 12,
    baseCredits: 5200,
    growth: 2.4,
    // Three heavy projects, eight light ones, one (the last) started half-way.
    projectWeights: [30, 22, 15, 2.5, 2, 1.8, 1.5, 1.2, 1, 0.8, 0.6, 8],
    midwayProject: 11,
    overage: true,
    deletedProject: { ...DEMO.deletedProject, weight: 6 },
    adminsOnlyProject: 9,
    teamSize: 12,
  },
  {
    name: 'northwind-labs',
    subscription: 'professional',
    startDaysAgo: 200,
    lengthMonths: 12,
    members: 24,
    projects: 4,
    baseCredits: 640,
    growth: 1.8,
    projectWeights: [55, 30, 10, 5],
    // No demo organization requires two-factor authentication: the demo admin signs in with a
    // password alone, and an organization that requires it refuses such a session (local rule).
    adminsOnlyProject: 3,
    teamSize: 5,
  },
  {
    name: 'sandbox',
    subscription: 'free',
    startDaysAgo: 40,
    lengthMonths: null,
    members: 4,
    projects: 1,
    baseCredits: 22,
    growth: 1.3,
    projectWeights: [1],
    adminsOnlyProject: 0,
    teamSize: 2,
  },
]

export interface SeedResult {
  durationMs: number
  /** A fresh token of the demo admin (only its hash is stored). */
  adminToken: string
}

/**
 * Fills an empty database with the demo data, in one IMMEDIATE transaction; does nothing (returns
 * null) when there is any organization already, also when another process seeded first.
 */
export function seedIfEmpty(db: Database.Database, now: Date = new Date()): SeedResult | null {
  const started = performance.now()
  const result = db
    .transaction(() => {
      const { count } = db
        .prepare<[], { count: number }>('SELECT count(*) AS count FROM organizations')
        .get()!
      if (count > 0) return null
      return seed(db, now)
    })
    .immediate()
  return result === null ? null : { durationMs: Math.round(performance.now() - started), adminToken: result }
}

function seed(db: Database.Database, now: Date): string {
  const next = random(20_200_325)
  const today = todayUtc(now)
  const stamp = (day: string) => {
    const seconds = Math.floor(next() * 86_400)
    const micros = String(Math.floor(next() * 1_000_000)).padStart(6, '0')
    return `${day}T${new Date(seconds * 1000).toISOString().slice(11, 19)}.${micros}Z`
  }

  const insertUser = db.prepare(
    `INSERT INTO users (id, email, name, surname, staff, creation_date) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id`,
  )
  const insertOrganization = db.prepare(
    `INSERT INTO organizations (id, name, creation_date, subscription, subscription_start_date, subscription_end_date,
       two_factor_authentication_forced, overage_usage)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertMembership = db.prepare(
    'INSERT INTO memberships (organization_id, user_id, admin, creation_date) VALUES (?, ?, ?, ?)',
  )
  const insertProject = db.prepare(
    'INSERT INTO projects (id, organization_id, name, creation_date, deletion_date) VALUES (?, ?, ?, ?, ?)',
  )
  const insertDeployment = db.prepare('INSERT INTO deployments (id, project_id, name) VALUES (?, ?, ?)')
  const insertDeploymentVersion = db.prepare(
    'INSERT INTO deployment_versions (id, deployment_id, version) VALUES (?, ?, ?)',
  )
  const insertPipeline = db.prepare('INSERT INTO pipelines (id, project_id, name) VALUES (?, ?, ?)')
  const insertPipelineVersion = db.prepare(
    'INSERT INTO pipeline_versions (id, pipeline_id, version) VALUES (?, ?, ?)',
  )
  const insertProjectUser = db.prepare(
    'INSERT OR IGNORE INTO project_users (project_id, organization_id, user_id, creation_date) VALUES (?, ?, ?, ?)',
  )
  const insertRoleAssignment = db.prepare(
    `INSERT OR IGNORE INTO role_assignments (id, project_id, role_id, assignee_type, user_id, resource_type, creation_date)
     SELECT ?, ?, roles.id, 'user', ?, 'project', ? FROM roles WHERE roles.project_id IS NULL AND roles.name = ?`,
  )
  // The five series of a project's day in one statement: five times fewer calls into SQLite.
  const insertUsage = db.prepare(
    `INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES
     ${USAGE_SERIES.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
  )
  const insertBucket = db.prepare('INSERT INTO buckets (id, project_id, name) VALUES (?, ?, ?)')
  const insertEnvironment = db.prepare('INSERT INTO environments (id, project_id, name) VALUES (?, ?, ?)')
  const insertVoucher = db.prepare('INSERT INTO vouchers (code, description) VALUES (?, ?)')
  for (const voucher of DEMO.vouchers) insertVoucher.run(voucher.code, voucher.description)
  // Projects' buckets, environments and shares of the usage draw from their own sequence, so that
  // everything drawn from `next` (ids, dates, the organizations' daily usage) is as before projects
  // carried usage.
  const nextForProjects = random(20_231_201)
  // Who is in which project draws from a sequence of its own too (ids of role assignments).
  const nextForAccess = random(20_261_205)

  const user = (email: string, name: string, surname: string, staff = false, day = addDays(today, -500)) => {
    const created = stamp(day)
    return (insertUser.get(uuidFrom(next), email, name, surname, staff ? 1 : 0, created) as { id: string }).id
  }

  const adminId = user(DEMO.adminEmail, 'Alex', 'Morgan')
  const memberId = user(DEMO.memberEmail, 'Sam', 'Jansen')
  user(DEMO.staffEmail, 'Robin', 'Operator', true)

  for (const plan of PLANS) {
    const organizationId = uuidFrom(next)
    const start = addDays(today, -plan.startDaysAgo)
    const created = stamp(start)
    insertOrganization.run(
      organizationId,
      plan.name,
      created,
      plan.subscription,
      start,
      plan.lengthMonths === null ? null : addMonths(start, plan.lengthMonths),
      plan.twoFactorForced ? 1 : 0,
      plan.overage ? 1 : 0,
    )
    insertMembership.run(organizationId, adminId, 1, stamp(start))
    insertMembership.run(organizationId, memberId, 0, stamp(start))
    const domain = `${plan.name}.example`
    const memberIds = [memberId]
    for (let index = 0; index < plan.members - 2; index += 1) {
      const first = FIRST_NAMES[index % FIRST_NAMES.length]!
      const last = SURNAMES[Math.floor(index / FIRST_NAMES.length) % SURNAMES.length]!
      const email = `${first}.${last.replaceAll(' ', '')}.${index + 1}@${domain}`.toLowerCase()
      const joined = addDays(start, Math.floor(next() * plan.startDaysAgo))
      const id = user(email, first, last, false, joined)
      // A few more admins besides the demo admin; everyone else a plain member.
      insertMembership.run(organizationId, id, index < 3 ? 1 : 0, stamp(joined))
      memberIds.push(id)
    }

    // The demo admin and the three more admins made above; the other generated members are plain.
    const organizationAdmins = [adminId, ...memberIds.slice(1, 4)]
    const plainMembers = memberIds.slice(4)
    const firstUsageDay = addDays(today, -(DEMO.usageDays - 1))
    const usageProjects: UsageProject[] = []
    for (let p = 0; p < plan.projects; p += 1) {
      const projectId = uuidFrom(next)
      const createdOn =
        p === plan.midwayProject ? addDays(firstUsageDay, Math.floor(DEMO.usageDays / 2)) : start
      const projectName = `${PROJECT_WORDS[p % PROJECT_WORDS.length]}-${plan.name.split('-')[0]}`
      const projectCreated = stamp(createdOn)
      insertProject.run(projectId, organizationId, projectName, projectCreated, null)
      usageProjects.push({
        id: projectId,
        weight: plan.projectWeights[p] ?? plan.projectWeights.at(-1)!,
        from: p === plan.midwayProject ? createdOn : firstUsageDay,
        until: today,
      })
      for (let b = 0; b < 1 + Math.floor(nextForProjects() * 3); b += 1)
        insertBucket.run(uuidFrom(nextForProjects), projectId, b === 0 ? 'default' : `data-${b}`)
      for (let e = 0; e < Math.floor(nextForProjects() * 3); e += 1)
        insertEnvironment.run(uuidFrom(nextForProjects), projectId, `python3-11-env-${e + 1}`)
      const deployments = 2 + Math.floor(next() * 5)
      for (let d = 0; d < deployments; d += 1) {
        const deploymentId = uuidFrom(next)
        insertDeployment.run(deploymentId, projectId, `model-${d + 1}`)
        const versions = 1 + Math.floor(next() * 4)
        for (let v = 0; v < versions; v += 1)
          insertDeploymentVersion.run(uuidFrom(next), deploymentId, `v${v + 1}`)
      }
      const pipelines = Math.floor(next() * 3)
      for (let q = 0; q < pipelines; q += 1) {
        const pipelineId = uuidFrom(next)
        insertPipeline.run(pipelineId, projectId, `pipeline-${q + 1}`)
        const versions = 1 + Math.floor(next() * 3)
        for (let v = 0; v < versions; v += 1)
          insertPipelineVersion.run(uuidFrom(next), pipelineId, `v${v + 1}`)
      }
      // Twenty draws per project, as when they picked the roles, so that what follows is as before.
      const draws = Array.from({ length: Math.min(20, memberIds.length) }, () => next())
      const give = (userId: string, role: string) => {
        insertProjectUser.run(projectId, organizationId, userId, projectCreated)
        insertRoleAssignment.run(uuidFrom(nextForAccess), projectId, userId, projectCreated, role)
      }
      // As on the hosted API, the organization's admins were made the project's admins.
      for (const id of organizationAdmins) give(id, 'project-admin')
      if (p === plan.adminsOnlyProject) continue
      const memberProjects = DEMO.memberProjects[plan.name] ?? []
      const memberRole = memberProjects.indexOf(projectName)
      if (memberRole >= 0) give(memberId, memberRole === 0 ? 'project-editor' : 'project-viewer')
      // A team from the first two thirds of the plain members: the others are in no project at all.
      const pool = plainMembers.slice(0, Math.max(1, Math.floor((plainMembers.length * 2) / 3)))
      draws.slice(0, pool.length > 0 ? plan.teamSize : 0).forEach((draw, r) => {
        const role = r === 0 && p % 3 === 0 ? 'project-admin' : ROLES[1 + (r % 2)]!
        give(pool[Math.floor(draw * pool.length)]!, role)
      })
    }

    if (plan.deletedProject) {
      const projectId = uuidFrom(nextForProjects)
      const deletedOn = addDays(today, -plan.deletedProject.deletedDaysAgo)
      insertProject.run(projectId, organizationId, plan.deletedProject.name, stamp(start), stamp(deletedOn))
      usageProjects.push({
        id: projectId,
        weight: plan.deletedProject.weight,
        from: firstUsageDay,
        until: addDays(deletedOn, -1),
      })
    }

    seedUsage(insertUsage, organizationId, plan, usageProjects, today, next, nextForProjects)
  }

  // The audit trail draws from a sequence of its own, after everything it tells of exists.
  seedAuditEvents(db, today, adminId, DEMO.usageJump, random(20_261_206))
  return tokensRepository(db).issue(adminId)
}

interface UsageProject {
  id: string
  weight: number
  /** First and last day with usage. */
  from: string
  until: string
}

/**
 * Daily rollups: weekdays busy, weekends quiet, steady growth, some noise. The organization's
 * values of a day are split over the projects live that day by their weights (with some noise), so
 * the organization's totals do not depend on how many projects there are.
 */
function seedUsage(
  insertUsage: Database.Statement,
  organizationId: string,
  plan: OrganizationPlan,
  projects: UsageProject[],
  today: string,
  next: () => number,
  nextForProjects: () => number,
): void {
  const first = addDays(today, -(DEMO.usageDays - 1))
  for (let offset = 0; offset < DEMO.usageDays; offset += 1) {
    const day = addDays(first, offset)
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
    const rhythm = weekday === 0 || weekday === 6 ? 0.35 : 1
    const trend = 1 + ((plan.growth - 1) * offset) / (DEMO.usageDays - 1)
    const credits = plan.baseCredits * rhythm * trend * (0.85 + next() * 0.3)
    const values: Record<string, number> = {
      'deployment_version/credits': credits,
      'deployment_version/input_volume': credits * 180_000 * (0.8 + next() * 0.4),
      'deployment_version/output_volume': credits * 65_000 * (0.8 + next() * 0.4),
      'pipeline_version/input_volume': credits * 40_000 * (0.7 + next() * 0.6),
      'pipeline_version/output_volume': credits * 22_000 * (0.7 + next() * 0.6),
    }
    const live = projects.filter((project) => project.from <= day && day <= project.until)
    const shares = live.map((project) => project.weight * (0.8 + nextForProjects() * 0.4))
    const total = shares.reduce((sum, share) => sum + share, 0)
    live.forEach((project, index) => {
      const share = shares[index]! / total
      insertUsage.run(
        USAGE_SERIES.flatMap((series) => {
          const value = values[`${series.object_type}/${series.metric}`]! * share
          // Credits keep two decimals; volumes are whole bytes.
          const rounded = series.metric === 'credits' ? Math.round(value * 100) / 100 : Math.round(value)
          return [organizationId, day, project.id, series.object_type, series.metric, rounded]
        }),
      )
    })
  }
}
