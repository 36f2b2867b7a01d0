// Deterministic demo data for an empty database: the same data for the same day, so screenshots and
// benchmarks compare. Dates are relative to today so that the current subscription periods have usage.
import type Database from 'better-sqlite3'
import { addDays, addMonths, utcToday as todayUtc } from '../../domain/dates'
import { USAGE_SERIES } from '../../domain/usage'
import { currentPeriod } from '../../domain/subscriptions'
import { projectsRepository } from '../repositories/projects'
import { timestampAt } from '../../domain/service-users'
import { serviceUsersRepository } from '../repositories/service-users'
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
   * A deployment version of acme-analytics deleted this many days ago: it has usage until then, and
   * the project's usage answers it as deleted (its traffic goes to the versions left).
   */
  deletedVersion: {
    projectName: 'vision-acme',
    deploymentName: 'model-1',
    version: 'v1',
    deletedDaysAgo: 20,
  },
  /**
   * Credit limits of acme-analytics' projects, as a share of the credits each used in the current
   * subscription period when seeded: one close to its limit (90% used), one suspended (its limit
   * passed, 125% used).
   */
  creditLimits: [
    { projectName: 'forecast-acme', usedShare: 0.9 },
    { projectName: 'vision-acme', usedShare: 1.25 },
  ],
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
  /**
   * Service users (API tokens of projects), relative to today: expiry in days from now (negative:
   * expired; null: never expires), last use in days ago (null: never used), creation in days ago,
   * and the role each holds on its project (null: none yet).
   */
  serviceUsers: [
    {
      project: 'churn-acme',
      name: 'nightly-export',
      role: 'project-viewer',
      createdDaysAgo: 200,
      expiresInDays: 5,
      lastUsedDaysAgo: 1,
    },
    {
      project: 'churn-acme',
      name: 'ci-deploy',
      role: 'project-editor',
      createdDaysAgo: 20,
      expiresInDays: null,
      lastUsedDaysAgo: null,
    },
    {
      project: 'vision-acme',
      name: 'old-dashboard',
      role: 'project-viewer',
      createdDaysAgo: 400,
      expiresInDays: -10,
      lastUsedDaysAgo: 40,
    },
    {
      project: 'pricing-acme',
      name: 'legacy-batch',
      role: 'project-admin',
      createdDaysAgo: 300,
      expiresInDays: null,
      lastUsedDaysAgo: 120,
    },
    {
      project: 'churn-northwind',
      name: 'reporting',
      role: null,
      createdDaysAgo: 60,
      expiresInDays: 10,
      lastUsedDaysAgo: null,
    },
  ] as readonly DemoServiceUser[],
} as const

export interface DemoServiceUser {
  project: string
  name: string
  role: string | null
  createdDaysAgo: number
  expiresInDays: number | null
  lastUsedDaysAgo: number | null
}

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
  // The seed's one transaction writes tens of megabytes: with SQLite's default 2 MB page cache it
  // spills, and every version's credits then re-reads pages of usage_daily. A larger cache for the
  // seed alone, given back after.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma('cache_size = -65536')
  let result: string | null
  try {
    result = db
      .transaction(() => {
        const { count } = db
          .prepare<[], { count: number }>('SELECT count(*) AS count FROM organizations')
          .get()!
        if (count > 0) return null
        return seed(db, now)
      })
      .immediate()
  } finally {
    db.pragma(`cache_size = ${cacheSize}`)
  }
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
  const insertDeployment = db.prepare(
    'INSERT INTO deployments (id, project_id, name, deletion_date) VALUES (?, ?, ?, ?)',
  )
  const insertDeploymentVersion = db.prepare(
    'INSERT INTO deployment_versions (id, deployment_id, version, deletion_date) VALUES (?, ?, ?, ?)',
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
  // The volume series of a project's day in one statement: four times fewer calls into SQLite. Its
  // credits are written per deployment version; migration 010's trigger adds them up into usage_daily.
  const insertUsage = db.prepare(
    `INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES
     ${VOLUME_SERIES.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
  )
  // A project's versions of a day in one statement, one statement per number of versions.
  const versionUsageStatements = new Map<number, Database.Statement>()
  const insertVersionUsage = (count: number) => {
    let statement = versionUsageStatements.get(count)
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO usage_daily_by_version (project_id, day, deployment_version_id, organization_id, value)
         VALUES ${Array.from({ length: count }, () => '(?, ?, ?, ?, ?)').join(', ')}`,
      )
      versionUsageStatements.set(count, statement)
    }
    return statement
  }
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
  // Deployment versions' activity and the versions the usage story adds draw from one more sequence.
  const nextForVersions = random(20_261_206)

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
      const versions: SeedVersion[] = []
      usageProjects.push({
        id: projectId,
        weight: plan.projectWeights[p] ?? plan.projectWeights.at(-1)!,
        from: p === plan.midwayProject ? createdOn : firstUsageDay,
        until: today,
        versions,
        jump: projectName === DEMO.usageJump.projectName ? DEMO.usageJump : undefined,
      })
      for (let b = 0; b < 1 + Math.floor(nextForProjects() * 3); b += 1)
        insertBucket.run(uuidFrom(nextForProjects), projectId, b === 0 ? 'default' : `data-${b}`)
      for (let e = 0; e < Math.floor(nextForProjects() * 3); e += 1)
        insertEnvironment.run(uuidFrom(nextForProjects), projectId, `python3-11-env-${e + 1}`)
      const deployments = 2 + Math.floor(next() * 5)
      for (let d = 0; d < deployments; d += 1) {
        const deploymentId = uuidFrom(next)
        // The usage story's deployment is the project's first, with at least as many versions as it names.
        const story = d === 0 && projectName === DEMO.usageJump.projectName ? DEMO.usageJump : null
        const deploymentName = story ? story.deploymentName : `model-${d + 1}`
        insertDeployment.run(deploymentId, projectId, deploymentName, null)
        const drawn = 1 + Math.floor(next() * 4)
        const count = story ? Math.max(drawn, Number(story.version.slice(1))) : drawn
        const weight = 0.5 + nextForVersions()
        for (let v = 0; v < count; v += 1) {
          const version = `v${v + 1}`
          const deleted =
            projectName === DEMO.deletedVersion.projectName &&
            deploymentName === DEMO.deletedVersion.deploymentName &&
            version === DEMO.deletedVersion.version
              ? addDays(today, -DEMO.deletedVersion.deletedDaysAgo)
              : null
          const versionId = uuidFrom(v < drawn ? next : nextForVersions)
          // A fixed time of day: a stamp() here would shift every later draw of `next`.
          insertDeploymentVersion.run(
            versionId,
            deploymentId,
            version,
            deleted && `${deleted}T10:15:00.000000Z`,
          )
          versions.push({
            id: versionId,
            deploymentWeight: weight,
            deployment: deploymentName,
            version,
            from: addDays(firstUsageDay, Math.floor((v * DEMO.usageDays) / count)),
            until: deleted ? addDays(deleted, -1) : today,
          })
        }
        // Two versions of a deployment run at once: one retires when the second after it is released
        // (the deleted one runs until its deletion, the story it tells).
        const released = versions.slice(-count)
        released.forEach((version, v) => {
          const successor = released[v + 2]
          if (successor && version.until === today) version.until = addDays(successor.from, -1)
        })
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
      const deletionDate = stamp(deletedOn)
      insertProject.run(projectId, organizationId, plan.deletedProject.name, stamp(start), deletionDate)
      // Its one deployment went with it (kept, marked), so its usage is a deleted deployment's too.
      const deploymentId = uuidFrom(nextForVersions)
      const versionId = uuidFrom(nextForVersions)
      insertDeployment.run(deploymentId, projectId, 'scorer', deletionDate)
      insertDeploymentVersion.run(versionId, deploymentId, 'v1', null)
      usageProjects.push({
        id: projectId,
        weight: plan.deletedProject.weight,
        from: firstUsageDay,
        until: addDays(deletedOn, -1),
        versions: [
          {
            id: versionId,
            deploymentWeight: 1,
            deployment: 'scorer',
            version: 'v1',
            from: firstUsageDay,
            until: today,
          },
        ],
      })
    }

    seedUsage(
      { volumes: insertUsage, versionCredits: insertVersionUsage },
      organizationId,
      plan,
      usageProjects,
      today,
      next,
      nextForProjects,
    )
  }

  seedCreditLimits(db, today)
  seedServiceUsers(db, now)
  // The audit trail draws from a sequence of its own, after everything it tells of exists.
  seedAuditEvents(db, today, adminId, DEMO.usageJump, random(20_261_206))
  return tokensRepository(db).issue(adminId)
}

/** Sets DEMO.creditLimits from what each project used in its organization's current period. */
function seedCreditLimits(db: Database.Database, today: string): void {
  const projects = projectsRepository(db)
  for (const { projectName, usedShare } of DEMO.creditLimits) {
    const project = projects.findByName(projectName)
    if (!project) continue
    const period = currentPeriod(project.subscription_start_date, today)
    const used = projects.creditsUsed(project, period.start, period.end)
    projects.update(project.id, { credit_limit: Math.max(1, Math.round(used / usedShare)) })
  }
}

/** The series written straight into usage_daily: all but the credits, which come per version. */
const VOLUME_SERIES = USAGE_SERIES.filter((series) => series.metric !== 'credits')

interface SeedVersion {
  id: string
  /** The deployment's share of the project's traffic, the same for all its versions. */
  deploymentWeight: number
  deployment: string
  version: string
  /** First and last day it runs (inclusive): a version starts when it is released. */
  from: string
  until: string
}

interface UsageProject {
  id: string
  weight: number
  /** First and last day with usage. */
  from: string
  until: string
  versions: SeedVersion[]
  /** The version that runs twice the project's usage more from a day on (DEMO.usageJump). */
  jump?: { deploymentName: string; version: string; daysAgo: number }
}

/**
 * A project's credits of a day (in cents) over its versions running that day: each deployment takes
 * its weight, and within it the newest version three parts to one for each older one. Cents add up
 * exactly, so the project's rollup is the sum of its versions'.
 */
function splitOverVersions(cents: number, running: SeedVersion[]): number[] {
  const newest = new Map<string, string>()
  const parts = new Map<string, number>()
  for (const version of running) {
    if ((newest.get(version.deployment) ?? '') < version.from) newest.set(version.deployment, version.from)
    parts.set(version.deployment, (parts.get(version.deployment) ?? 0) + 1)
  }
  for (const [deployment, count] of parts) parts.set(deployment, count + 2)
  const weights = running.map(
    (version) =>
      (version.deploymentWeight * (newest.get(version.deployment) === version.from ? 3 : 1)) /
      parts.get(version.deployment)!,
  )
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const split = weights.map((weight) => Math.floor((cents * weight) / total))
  // What flooring left over goes to the largest share.
  const largest = weights.indexOf(Math.max(...weights))
  split[largest]! += cents - split.reduce((sum, value) => sum + value, 0)
  return split
}

/**
 * Daily rollups: weekdays busy, weekends quiet, steady growth, some noise. The organization's
 * values of a day are split over the projects live that day by their weights (with some noise), so
 * the organization's totals do not depend on how many projects there are.
 */
function seedUsage(
  insert: { volumes: Database.Statement; versionCredits: (count: number) => Database.Statement },
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
      // Volumes are whole bytes.
      insert.volumes.run(
        VOLUME_SERIES.flatMap((series) => {
          const value = Math.round(values[`${series.object_type}/${series.metric}`]! * share)
          return [organizationId, day, project.id, series.object_type, series.metric, value]
        }),
      )
      // Credits keep two decimals: whole cents, split over the versions running that day.
      const cents = Math.round(credits * share * 100)
      const running = project.versions.filter((version) => version.from <= day && day <= version.until)
      const split = splitOverVersions(cents, running)
      const jump = project.jump
      if (jump && day >= addDays(today, -jump.daysAgo)) {
        // From the jump day on, the story's version runs as much again as the whole project did.
        const at = running.findIndex(
          (v) => v.deployment === jump.deploymentName && v.version === jump.version,
        )
        if (at >= 0) split[at]! += cents
      }
      const rows = running.flatMap((version, v) =>
        split[v]! > 0 ? [project.id, day, version.id, organizationId, split[v]! / 100] : [],
      )
      if (rows.length > 0) insert.versionCredits(rows.length / 5).run(rows)
    })
  }
}

/**
 * The demo's service users (DEMO.serviceUsers), at fixed times of their days relative to `now`, with
 * ids from a sequence of their own; their tokens are random and unknown to anyone (only hashes are
 * stored), as a token is shown only to whoever creates or resets it.
 */
function seedServiceUsers(db: Database.Database, now: Date): void {
  const next = random(20_261_206)
  // The role assignments' ids from a sequence of their own, so that the service users' stay the same.
  const nextAssignment = random(20_261_207)
  const serviceUsers = serviceUsersRepository(db)
  const giveRole = db.prepare(
    `INSERT INTO role_assignments (id, project_id, role_id, assignee_type, service_user_id, resource_type, creation_date)
     SELECT ?, ?, roles.id, 'user', ?, 'project', ? FROM roles WHERE roles.project_id IS NULL AND roles.name = ?`,
  )
  const projectId = db.prepare<[string], { id: string }>(
    'SELECT id FROM projects WHERE name = ? AND deletion_date IS NULL',
  )
  const at = (daysFromNow: number) => timestampAt(now.getTime() + daysFromNow * 86_400_000)
  for (const demo of DEMO.serviceUsers) {
    const { row } = serviceUsers.create({
      id: uuidFrom(next),
      projectId: projectId.get(demo.project)!.id,
      projectName: demo.project,
      name: demo.name,
      description: '',
      creationDate: at(-demo.createdDaysAgo),
      expiryDate: demo.expiresInDays === null ? null : at(demo.expiresInDays),
      tokenLastUsed: demo.lastUsedDaysAgo === null ? null : at(-demo.lastUsedDaysAgo),
    })
    if (demo.role !== null)
      giveRole.run(uuidFrom(nextAssignment), row.project_id, row.id, row.creation_date, demo.role)
  }
}
