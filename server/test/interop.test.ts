// Interoperability with the official UbiOps clients, as released (shared/clients): the Python
// client 3.7.0 and the R client 0.5.0 against the 2022 generation, the Python client 4.12.0 against
// the current one. Each client's script (server/test/interop/) calls every organizations and projects endpoint
// through the client's own methods and models, errors included, against a real server on a free
// port, and prints PASS/FAIL per check. Runs when UBIOPS_CLIENTS_DIR names the clients' folder
// (.ci/run sets it); otherwise, and for each client whose runtime is missing, it says it skipped and why.
import { execFile, execFileSync } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { ApiGeneration } from '../../domain/generation'
import { addDays, utcToday } from '../../domain/dates'
import { startApiServer, type RunningApiServer } from '../start-api-server'
import { removeDatabase, temporaryDatabasePath, uniqueEmail } from './helpers'

const SCRIPTS = fileURLToPath(new URL('./interop/', import.meta.url))
const CLIENTS_DIR = process.env.UBIOPS_CLIENTS_DIR
const PYTHON = process.env.UBIOPS_PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3')

interface Client {
  label: string
  folder: string
  generation: ApiGeneration
  /** Why it cannot run here, or null. */
  missing: () => string | null
  command: () => { file: string; args: string[]; env: Record<string, string> }
}

function runs(file: string, args: string[], env: Record<string, string> = {}, timeout = 60_000): boolean {
  try {
    execFileSync(file, args, { stdio: 'ignore', timeout, env: { ...process.env, ...env } })
    return true
  } catch {
    return false
  }
}

function pythonClient(version: string, generation: ApiGeneration, modules: string[]): Client {
  const folder = join(CLIENTS_DIR ?? '', `ubiops-python-${version}`)
  return {
    label: `Python client ${version}`,
    folder,
    generation,
    missing: () =>
      !existsSync(join(folder, 'ubiops'))
        ? `${folder} has no ubiops package`
        : !runs(PYTHON, ['-c', `import ${modules.join(', ')}`], { PYTHONPATH: folder })
          ? `${PYTHON} cannot import ${modules.join(', ')} (install Debian's python3-* packages, see shared/clients/README.md)`
          : null,
    command: () => ({ file: PYTHON, args: [join(SCRIPTS, 'python_checks.py')], env: { PYTHONPATH: folder } }),
  }
}

// The R package is installed once into a library folder (.ci/run passes its own in UBIOPS_R_LIB).
const R_LIB = process.env.UBIOPS_R_LIB || join(tmpdir(), 'ubiops-r-0.5.0-lib')
const rFolder = join(CLIENTS_DIR ?? '', 'ubiops-r-0.5.0')
const R_CLIENT: Client = {
  label: 'R client 0.5.0',
  folder: rFolder,
  generation: '2022',
  missing() {
    if (!existsSync(join(rFolder, 'DESCRIPTION'))) return `${rFolder} has no R package`
    if (
      !runs('Rscript', [
        '-e',
        'for (p in c("httr", "jsonlite", "R6", "rjson", "caTools")) library(p, character.only = TRUE)',
      ])
    )
      return 'Rscript or the R packages httr, jsonlite, R6, rjson, caTools are missing (install r-base-core and r-cran-*, see shared/clients/README.md)'
    if (!existsSync(join(R_LIB, 'ubiops', 'DESCRIPTION'))) {
      mkdirSync(R_LIB, { recursive: true })
      if (!runs('R', ['CMD', 'INSTALL', '-l', R_LIB, rFolder], {}, 300_000))
        return `R CMD INSTALL -l ${R_LIB} ${rFolder} failed`
    }
    return null
  },
  command: () => ({
    file: 'Rscript',
    args: [join(SCRIPTS, 'r_checks.R')],
    env: { R_LIBS: R_LIB, UBIOPS_PROJECT: 'interop' },
  }),
}

const CLIENTS: Client[] = [
  pythonClient('3.7.0', '2022', ['ubiops', 'six', 'certifi', 'dateutil', 'urllib3']),
  R_CLIENT,
  pythonClient('4.12.0', 'current', ['ubiops', 'certifi', 'dateutil', 'urllib3', 'requests', 'yaml']),
]

const servers = new Map<ApiGeneration, Promise<{ server: RunningApiServer; dbPath: string }>>()
afterAll(async () => {
  for (const started of servers.values()) {
    const { server, dbPath } = await started
    await server.close()
    removeDatabase(dbPath)
  }
})

/** One real server per generation, on a free port, on a database of its own (no demo data). */
function serverFor(generation: ApiGeneration) {
  let started = servers.get(generation)
  if (!started) {
    const dbPath = temporaryDatabasePath(`interop-${generation}`)
    started = startApiServer({ dbPath, port: 0, seed: false, apiGeneration: generation }).then((server) => ({
      server,
      dbPath,
    }))
    servers.set(generation, started)
  }
  return started
}

/**
 * The callers and data one client run needs, made directly in the database: an admin with an
 * organization whose usage is known (a live and a deleted project), a member, an outsider, staff,
 * and a voucher. Returns the environment of the client's script.
 */
function prepareRun(server: RunningApiServer): Record<string, string> {
  const { app } = server
  const { users, tokens, organizations, members, vouchers } = app.repositories
  const prefix = `interop-${randomBytes(4).toString('hex')}`
  const caller = (staff = false) => {
    const user = users.findOrCreate(uniqueEmail(prefix), { staff })
    return { user, token: tokens.issue(user.id) }
  }
  const admin = caller()
  const member = caller()
  const outsider = caller()
  const staff = caller(true)

  const usageOrganization = `${prefix}-usage`
  const organizationId = randomUUID()
  const start = addDays(utcToday(), -70)
  organizations.insert({
    id: organizationId,
    name: usageOrganization,
    creation_date: `${start}T00:00:00.000000Z`,
    subscription: 'free',
    subscription_start_date: start,
    subscription_end_date: null,
  })
  members.add(organizationId, admin.user.id, true)
  const project = app.db.prepare(
    'INSERT INTO projects (id, organization_id, name, creation_date, deletion_date) VALUES (?, ?, ?, ?, ?)',
  )
  const live = randomUUID()
  const deleted = randomUUID()
  project.run(live, organizationId, `${prefix}-live`, `${start}T00:00:00.000000Z`, null)
  project.run(
    deleted,
    organizationId,
    `${prefix}-deleted`,
    `${start}T00:00:00.000000Z`,
    `${addDays(start, 20)}T00:00:00.000000Z`,
  )
  const rollup = app.db.prepare(
    "INSERT INTO usage_daily (organization_id, day, project_id, object_type, metric, value) VALUES (?, ?, ?, ?, 'credits', ?)",
  )
  // The live project's credits per deployment version (migration 010 adds them up per project).
  const deploymentId = randomUUID()
  const versionIds = [randomUUID(), randomUUID()]
  app.db
    .prepare("INSERT INTO deployments (id, project_id, name) VALUES (?, ?, 'scorer')")
    .run(deploymentId, live)
  const version = app.db.prepare(
    'INSERT INTO deployment_versions (id, deployment_id, version) VALUES (?, ?, ?)',
  )
  versionIds.forEach((id, index) => version.run(id, deploymentId, `v${index + 1}`))
  const versionCredits = app.db.prepare(
    'INSERT INTO usage_daily_by_version (project_id, day, deployment_version_id, organization_id, value) VALUES (?, ?, ?, ?, ?)',
  )
  let total = 0
  let deletedTotal = 0
  for (let offset = 0; offset < 60; offset += 1) {
    const day = addDays(start, offset)
    // Credits are a deployment version metric in both generations' data.
    versionCredits.run(live, day, versionIds[0], organizationId, 1.25)
    versionCredits.run(live, day, versionIds[1], organizationId, 0.5)
    total += 1.75
    if (offset < 20) {
      rollup.run(organizationId, day, deleted, 'deployment_version', 2)
      total += 2
      deletedTotal += 2
    }
  }
  const voucher = { code: `${prefix.toUpperCase()}-VOUCHER`, description: `A voucher for ${prefix}` }
  vouchers.insert(voucher)

  return {
    UBIOPS_API_URL: server.url,
    API_GENERATION: server.apiGeneration,
    NAME_PREFIX: prefix,
    ADMIN_TOKEN: admin.token,
    MEMBER_TOKEN: member.token,
    MEMBER_EMAIL: member.user.email,
    OUTSIDER_TOKEN: outsider.token,
    STAFF_TOKEN: staff.token,
    USAGE_ORGANIZATION: usageOrganization,
    USAGE_START: start,
    USAGE_END: addDays(start, 60),
    USAGE_TOTAL_CREDITS: String(total),
    USAGE_DELETED_CREDITS: String(deletedTotal),
    // The live project of USAGE_ORGANIZATION: deployment "scorer", v1 1.25 and v2 0.5 credits a day.
    USAGE_PROJECT: `${prefix}-live`,
    USAGE_PROJECT_CREDITS: String(1.75 * 60),
    VOUCHER_CODE: voucher.code,
    VOUCHER_DESCRIPTION: voucher.description,
  }
}

function run(
  file: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...process.env, ...env }, timeout: 150_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, output: `${stdout}${stderr ? `\n${stderr}` : ''}` })
    })
  })
}

const skipAll = !CLIENTS_DIR
  ? 'UBIOPS_CLIENTS_DIR is not set (set it to the folder of the official clients, e.g. ../shared/clients)'
  : !existsSync(CLIENTS_DIR)
    ? `UBIOPS_CLIENTS_DIR=${CLIENTS_DIR} does not exist`
    : null
if (skipAll) console.log(`interop with the official clients: skipped: ${skipAll}.`)

describe.skipIf(skipAll !== null)('the official clients against the local server', () => {
  for (const client of CLIENTS) {
    const missing = skipAll ? null : client.missing()
    if (missing) console.log(`interop, ${client.label}: skipped: ${missing}.`)
    it.skipIf(missing !== null)(
      `${client.label} passes every organizations and projects check against the ${client.generation} generation`,
      async () => {
        const { server } = await serverFor(client.generation)
        const { file, args, env } = client.command()
        const { code, output } = await run(file, args, { ...prepareRun(server), ...env })
        const lines = output.split('\n')
        const failures = lines.filter((line) => line.startsWith('FAIL '))
        const passes = lines.filter((line) => line.startsWith('PASS '))
        const summary = lines.find((line) => line.startsWith('SUMMARY '))
        console.log(
          `interop, ${client.label} (${client.generation}): ${passes.length} passed, ${failures.length} failed`,
        )
        expect(failures, output).toEqual([])
        expect(summary, output).toBeDefined()
        expect(code, output).toBe(0)
        // Every endpoint and error of the script ran: 2022 scripts have over 30 checks, current more.
        expect(passes.length).toBeGreaterThanOrEqual(client.generation === 'current' ? 42 : 36)
      },
      180_000,
    )
  }
})
