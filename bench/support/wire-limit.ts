// The wire limit: a plain static file server (Node's own http, no framework) that sends stored
// Buffers, the same bytes our API answers, with an ETag and a 304 for a matching If-None-Match and
// the stored brotli or gzip bytes when the request accepts them. Nothing can answer the same request
// with less work, so our figures beside its figures say how close to the wire we are.
//   run as a child: node --import tsx bench/support/wire-limit.ts <folder> <port>
import { createServer } from 'node:http'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, spawnService, temporaryFolder } from './processes'

/** One answer as our API sent it: the bytes, its tag, and its compressed forms. */
export interface StoredAnswer {
  body: Buffer
  etag: string
  br?: Buffer
  gzip?: Buffer
}

interface Manifest {
  [path: string]: { etag: string; files: { identity: string; br?: string; gzip?: string } }
}

export interface WireLimit {
  name: string
  baseUrl: string
  stop: () => Promise<void>
}

/** Writes the answers to a temporary folder and serves them from a child process. */
export async function startWireLimit(answers: Record<string, StoredAnswer>): Promise<WireLimit> {
  const folder = temporaryFolder('ubiops-bench-wire-')
  const manifest: Manifest = {}
  Object.entries(answers).forEach(([path, answer], index) => {
    const files: Manifest[string]['files'] = { identity: `${index}.json` }
    writeFileSync(join(folder.path, files.identity), answer.body)
    for (const encoding of ['br', 'gzip'] as const) {
      const bytes = answer[encoding]
      if (!bytes) continue
      files[encoding] = `${index}.json.${encoding}`
      writeFileSync(join(folder.path, files[encoding]), bytes)
    }
    manifest[path] = { etag: answer.etag, files }
  })
  mkdirSync(folder.path, { recursive: true })
  writeFileSync(join(folder.path, 'manifest.json'), JSON.stringify(manifest))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const service = await spawnService({
    name: 'wire limit',
    command: process.execPath,
    args: ['--import', 'tsx', fileURLToPath(import.meta.url), folder.path, String(port)],
    readyUrl: `${baseUrl}/`,
  })
  return {
    name: 'wire limit',
    baseUrl,
    stop: async () => {
      await service.stop()
      folder.remove()
    },
  }
}

function serve(folder: string, port: number): void {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest
  const answers = new Map(
    Object.entries(manifest).map(([path, { etag, files }]) => [
      path,
      {
        etag,
        identity: readFileSync(join(folder, files.identity)),
        br: files.br ? readFileSync(join(folder, files.br)) : undefined,
        gzip: files.gzip ? readFileSync(join(folder, files.gzip)) : undefined,
      },
    ]),
  )
  createServer((request, response) => {
    const answer = answers.get(request.url ?? '')
    if (!answer) {
      response.writeHead(404).end()
      return
    }
    const headers = { 'content-type': 'application/json; charset=utf-8', etag: answer.etag }
    if (request.headers['if-none-match'] === answer.etag) {
      response.writeHead(304, headers).end()
      return
    }
    const accepted = String(request.headers['accept-encoding'] ?? '')
    const [encoding, body] =
      answer.br && accepted.includes('br')
        ? ['br', answer.br]
        : answer.gzip && accepted.includes('gzip')
          ? ['gzip', answer.gzip]
          : [null, answer.identity]
    response.writeHead(200, { ...headers, ...(encoding ? { 'content-encoding': encoding } : {}) }).end(body)
  }).listen(port, '127.0.0.1')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) serve(process.argv[2]!, Number(process.argv[3]))
