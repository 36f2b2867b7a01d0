// The fake-API servers people put behind a dashboard instead of a real backend: json-server,
// serving a db.json exported from our server's own answers (so both serve the same data), and
// Prism mocking our OpenAPI document (it answers with data generated from the schemas).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO } from '../../server/db/seed'
import { freePort, spawnService, temporaryFolder } from './processes'

/** The reads the comparison covers, each as a path relative to the API base URL. */
export interface ComparedReads {
  organizations: string
  organization: string
  members: string
  usageDays: string
  usageMonths: string
}

export interface FakeApi {
  name: string
  baseUrl: string
  /** where each of the compared reads lives on this server */
  paths: ComparedReads
  headers: Record<string, string>
  stop: () => Promise<void>
}

async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { headers: { Authorization: `Token ${token}` } })
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`)
  return response.json()
}

/**
 * json-server serves collections: organizations by id, members filtered by organization, and
 * the two usage answers stored whole. That is how a dashboard team would model the same reads.
 */
export async function startJsonServer(apiUrl: string, token: string, ours: ComparedReads): Promise<FakeApi> {
  const list = (await getJson(apiUrl + ours.organizations, token)) as { name: string }[]
  const organizations = await Promise.all(
    list.map((organization) => getJson(`${apiUrl}/organizations/${organization.name}`, token)),
  )
  const members = (await getJson(apiUrl + ours.members, token)) as object[]
  const large = organizations.find(
    (organization) => (organization as { name: string }).name === DEMO.largeOrganization,
  ) as {
    id: string
  }
  const db = {
    organizations,
    members: members.map((member) => ({ ...member, organization: DEMO.largeOrganization })),
    usage: [
      { id: 'days-366', answer: await getJson(apiUrl + ours.usageDays, token) },
      { id: 'months-120', answer: await getJson(apiUrl + ours.usageMonths, token) },
    ],
  }
  const folder = temporaryFolder('ubiops-bench-json-server-')
  writeFileSync(join(folder.path, 'db.json'), JSON.stringify(db))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const service = await spawnService({
    name: 'json-server',
    command: process.execPath,
    args: [
      'node_modules/json-server/lib/cli/bin.js',
      join(folder.path, 'db.json'),
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--quiet',
    ],
    readyUrl: `${baseUrl}/organizations`,
  })
  return {
    name: 'json-server',
    baseUrl,
    headers: {},
    paths: {
      organizations: '/organizations',
      organization: `/organizations/${large.id}`,
      members: `/members?organization=${DEMO.largeOrganization}`,
      usageDays: '/usage/days-366',
      usageMonths: '/usage/months-120',
    },
    stop: async () => {
      await service.stop()
      folder.remove()
    },
  }
}

/** `prism mock server/openapi.yaml`: the same paths as ours; it checks the token header is there. */
export async function startPrism(ours: ComparedReads): Promise<FakeApi> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const service = await spawnService({
    name: 'Prism',
    command: process.execPath,
    args: [
      'node_modules/@stoplight/prism-cli/dist/index.js',
      'mock',
      'server/openapi.yaml',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    readyUrl: `${baseUrl}/status`,
    timeoutMs: 90_000,
  })
  return {
    name: 'Prism',
    baseUrl,
    headers: { Authorization: 'Token bench' },
    paths: ours,
    stop: () => service.stop(),
  }
}
