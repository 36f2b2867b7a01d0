// Conditional requests, compression and a cache of serialized answers, as one Fastify plugin that
// composes with any routes: it adds hooks, and no route needs to know about it.
//
// - Every successful GET gets a weak ETag (a hash of the bytes sent) and `Cache-Control: private,
//   no-cache`: browsers keep the answer and revalidate it each time; `If-None-Match` with a matching
//   tag is a 304 with no body (RFC 9110 §13.1.2, weak comparison).
// - Answers of at least `compressThreshold` bytes go gzip- or brotli-compressed when the request's
//   Accept-Encoding allows (brotli preferred). Each compressed body is kept beside the tag of what it
//   compresses, so a body is compressed once however often it is sent. node:zlib's async functions,
//   on libuv's thread pool, rather than @fastify/compress: that plugin compresses on every send, while
//   here the compressed bytes are what is cached. The first send is compressed at a fast level; once
//   the same answer is sent a second time (it outlives a write or two), it is compressed once more
//   in the background at the best level, one answer at a time, and later sends carry the smaller
//   bytes. Same body, same tag: only the compressed bytes change, never what they decompress to.
// - The routes listed in `routes` (each with an `:organization_name` parameter) are served from a
//   cache of their serialized answers. A cached answer is keyed by everything it depends on: the
//   variant (the API generation), the caller's access scope in the organization (staff, admin,
//   member: the answer and the access check depend on nothing else of the caller), today's date
//   (default usage periods), and the path with its query; and it is only served for the version of
//   the organization it was made at. That version is bumped by triggers in the same transaction as
//   every write (migration 004), and read from the database on every request, with the caller's
//   membership, in one statement: a write committed by another process is seen by the next read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib'
import { utcToday } from '../../domain/dates'

export interface ResponseCacheOptions {
  /**
   * Route URLs, as registered with their prefix (e.g. `/v2.1/organizations/:organization_name/users`),
   * whose answers are cached. Each must have an `:organization_name` parameter, and every table it
   * reads must bump the organization's version (server/db/migrations/004_organization_versions.sql).
   */
  routes: string[]
  /** Answers of different variants (e.g. API generations '2022' and 'current') never share an entry. */
  variant?: string
  /** Keep cached answers (and their compressed forms) up to this many bytes in all; default 64 MiB. */
  maxBytes?: number
  /** Compress answers of at least this many bytes; default 1,024 (a smaller one fits a packet anyway). */
  compressThreshold?: number
  /** false: no cache of answers (ETags and compression stay), e.g. to time the work it saves. */
  cacheAnswers?: boolean
}

export type Encoding = 'br' | 'gzip'

/** One answer's bytes, its tag, and its compressed forms (made on first demand, once). */
interface Representation {
  body: Buffer
  etag: string
  contentType: string
  compressed: Partial<Record<Encoding, Compressed>>
  /** Counts a compressed form's bytes (or, negative, bytes saved) in the cache that keeps this representation. */
  grew: (bytes: number) => void
  /** Whether a cache still keeps this representation (else recompressing it is wasted work). */
  kept: () => boolean
}

/** One compressed form of a representation's body. */
interface Compressed {
  bytes: Promise<Buffer>
  /** compressed at BEST_LEVEL, or being recompressed to it, or not worth it: no more work for it */
  final: boolean
  sends: number
}

interface CachedAnswer {
  organizationId: string
  version: number
  representation: Representation
}

/** What the cache lookup learnt about a request, for the onSend hook. */
interface CacheState {
  key: string
  organizationId: string
  version: number
  hit?: Representation
}

declare module 'fastify' {
  interface FastifyRequest {
    responseCache: CacheState | null
  }
  interface FastifyInstance {
    /** Resolves once no answer is being or waiting to be recompressed at the best level (for tests). */
    responseCacheSettled: () => Promise<void>
  }
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024
const DEFAULT_COMPRESS_THRESHOLD = 1024
// Levels, measured on the 1,443 KB answer of 10,000 members (bench/api.ts), with UUIDv7 ids (and,
// in brackets, v4): brotli 5 takes about 25-40 ms for 263 KB (279) and gzip 6 about 15 ms for
// 290 KB (308), fast enough for the request that first sends an answer; brotli 11 takes about 2 s
// for 216 KB (230; levels 6 to 9 gain nothing, 10 takes 0.7 s for 226 KB) and gzip 9 about 40 ms for
// 268 KB (285), so they are only spent, in the background, on answers that are sent again.
const FIRST_LEVEL: Record<Encoding, number> = { br: 5, gzip: 6 }
const BEST_LEVEL: Record<Encoding, number> = { br: 11, gzip: 9 }
/** Recompress a form at BEST_LEVEL once it has been sent this many times. */
const SENDS_BEFORE_RECOMPRESSING = 2
/** Forms waiting to be recompressed, at most (each keeps its answer's body alive until its turn). */
const MAX_WAITING_RECOMPRESSIONS = 64

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** `body` compressed as sent: brotli (text mode) or gzip at `level` (a key of FIRST_LEVEL or BEST_LEVEL). */
function compress(body: Buffer, encoding: Encoding, level: number): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: level,
          [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipAsync(body, { level })
}

/**
 * Runs background jobs one at a time (a brotli 11 job holds one of libuv's four pool threads for
 * seconds: one at a time leaves the others to the requests), in the order offered. A job is offered
 * under a key (what it works on): an offer under a key already waiting is ignored, and beyond
 * `maxWaiting` waiting jobs the oldest is dropped (offered again when its answer is next sent). A
 * job's failure is its own to handle; it only ends the job.
 */
class OneAtATime {
  private running: Promise<void> | null = null
  private readonly waiting = new Map<object, () => Promise<void>>()
  private drained: (() => void)[] = []

  constructor(private readonly maxWaiting: number) {}

  /** Starts the job now if nothing runs, else lets it wait its turn. */
  offer(key: object, job: () => Promise<void>): void {
    if (this.running) {
      if (this.waiting.has(key)) return
      this.waiting.set(key, job)
      if (this.waiting.size > this.maxWaiting) this.waiting.delete(this.waiting.keys().next().value!)
      return
    }
    this.running = job()
      .catch(() => undefined)
      .finally(() => {
        this.running = null
        const [next] = this.waiting
        if (next) {
          this.waiting.delete(next[0])
          this.offer(...next)
        } else for (const resolve of this.drained.splice(0)) resolve()
      })
  }

  /** Resolves when nothing runs or waits. */
  settled(): Promise<void> {
    return this.running ? new Promise((resolve) => this.drained.push(resolve)) : Promise.resolve()
  }
}

/**
 * `body` compressed as this plugin sends it once it has been sent before: the same bytes (the
 * benchmark's wire limit stores them).
 */
export const compressAtBest = (body: Buffer, encoding: Encoding) =>
  compress(body, encoding, BEST_LEVEL[encoding])

/** A weak tag: the same bytes before compression are the same answer, whatever the encoding. */
const tagOf = (body: Buffer) => `W/"${createHash('sha1').update(body).digest('base64url')}"`

/** Whether If-None-Match names this tag (weak comparison; `*` matches any current answer). */
export function matchesTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const opaque = etag.replace(/^W\//, '')
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || tag.replace(/^W\//, '') === opaque
  })
}

/** The encoding to send, from Accept-Encoding: brotli, then gzip; none refused with q=0. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...parameters] = part.trim().split(';')
    const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
    accepted.set(name!.trim(), q === undefined ? 1 : Number(q))
  }
  const weight = (encoding: string) => accepted.get(encoding) ?? accepted.get('*') ?? 0
  if (weight('br') > 0) return 'br'
  if (weight('gzip') > 0) return 'gzip'
  return null
}

/** A map that forgets its least recently used entries beyond a number of bytes. */
class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  /** Whether `value` is what is kept under `key` (without counting as a use). */
  holds(key: string, value: V): boolean {
    return this.entries.get(key)?.value === value
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V, size: number): void {
    this.delete(key)
    if (size > this.maxBytes) return
    this.entries.set(key, { value, size })
    this.bytes += size
    this.trim()
  }

  /** The value kept under `key` grew (a compressed form was added), if it is still kept. */
  grow(key: string, value: V, by: number): void {
    const entry = this.entries.get(key)
    if (entry?.value !== value) return
    entry.size += by
    this.bytes += by
    this.trim()
  }

  private delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.size
  }

  private trim(): void {
    for (const [key] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.delete(key)
    }
  }
}

const noStore = (request: FastifyRequest) =>
  /\bno-store\b/.test(String(request.headers['cache-control'] ?? ''))

/**
 * Installs the hooks on the app it is registered on and every route registered after it. Register
 * it before the routes (it reads their options as they are added).
 */
async function responseCachePlugin(app: FastifyInstance, options: ResponseCacheOptions): Promise<void> {
  const cachedRoutes = new Set(options.routes)
  const variant = options.variant ?? ''
  const threshold = options.compressThreshold ?? DEFAULT_COMPRESS_THRESHOLD
  const cacheAnswers = options.cacheAnswers ?? true
  const answers = new BoundedCache<CachedAnswer>(options.maxBytes ?? DEFAULT_MAX_BYTES)
  // The other answers worth compressing (not cached by version), by tag: compressed once too.
  const others = new BoundedCache<Representation>((options.maxBytes ?? DEFAULT_MAX_BYTES) / 8)
  const recompressions = new OneAtATime(MAX_WAITING_RECOMPRESSIONS)
  app.decorate('responseCacheSettled', () => recompressions.settled())

  // The organization, its version and the caller's membership, as of one moment (one statement).
  const lookup = app.db.prepare<
    [string, string],
    { id: string; version: number | null; admin: number | null }
  >(
    `SELECT organizations.id AS id, organization_versions.version AS version, memberships.admin AS admin
       FROM organizations
       LEFT JOIN organization_versions ON organization_versions.organization_id = organizations.id
       LEFT JOIN memberships ON memberships.organization_id = organizations.id AND memberships.user_id = ?
      WHERE organizations.name = ?`,
  )

  app.decorateRequest('responseCache', null)

  /** Before the handler of a cached route: the cached answer if it is current, else where to keep the new one. */
  async function findCached(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!request.user) return
    const name = (request.params as { organization_name?: string }).organization_name
    if (name === undefined) return
    const row = lookup.get(request.user.id, name)
    // Not a member (or no such organization): the route gives its 404; nothing to cache.
    if (!row || row.version === null || (row.admin === null && !request.user.staff)) return
    const scope = request.user.staff ? 'staff' : row.admin ? 'admin' : 'member'
    const key = `${variant}\n${scope}\n${utcToday()}\n${request.url}`
    const state: CacheState = { key, organizationId: row.id, version: row.version }
    request.responseCache = state
    const cached = answers.get(key)
    if (!cached || cached.organizationId !== row.id || cached.version !== row.version || noStore(request))
      return
    state.hit = cached.representation
    return reply.type(cached.representation.contentType).send(cached.representation.body)
  }

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (!cacheAnswers || !methods.includes('GET') || !cachedRoutes.has(route.url)) return
    const existing = route.preHandler
    const preHandlers = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]
    route.preHandler = [...preHandlers, findCached] as typeof route.preHandler
  })

  function representationOf(request: FastifyRequest, reply: FastifyReply, payload: string | Buffer) {
    const state = request.responseCache
    if (state?.hit) return state.hit
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload
    const etag = tagOf(body)
    if (!state && body.length >= threshold) {
      // Same bytes, same tag: reuse the compressed forms made for them before.
      const known = others.get(etag)
      if (known) return known
    }
    const representation: Representation = {
      body,
      etag,
      contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      compressed: {},
      grew: () => undefined,
      kept: () => false,
    }
    if (state) {
      // The version was read before the handler read its data: the answer is at least that recent.
      const answer: CachedAnswer = {
        organizationId: state.organizationId,
        version: state.version,
        representation,
      }
      answers.set(state.key, answer, body.length)
      representation.grew = (bytes) => answers.grow(state.key, answer, bytes)
      representation.kept = () => answers.holds(state.key, answer)
    } else if (body.length >= threshold) {
      others.set(etag, representation, body.length)
      representation.grew = (bytes) => others.grow(etag, representation, bytes)
      representation.kept = () => others.holds(etag, representation)
    }
    return representation
  }

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200) return payload
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    if (reply.hasHeader('content-encoding')) return payload
    const representation = representationOf(request, reply, payload)
    void reply
      .header('ETag', representation.etag)
      .header('Cache-Control', 'private, no-cache')
      .header('Vary', 'Accept-Encoding, Authorization')
    if (matchesTag(request.headers['if-none-match'], representation.etag)) {
      void reply.code(304).removeHeader('content-type')
      return null
    }
    const encoding =
      representation.body.length >= threshold ? chooseEncoding(request.headers['accept-encoding']) : null
    if (!encoding) return representation.body
    let form = representation.compressed[encoding]
    if (!form) {
      const bytes = compress(representation.body, encoding, FIRST_LEVEL[encoding])
      form = { bytes, final: false, sends: 0 }
      representation.compressed[encoding] = form
      void bytes.then(
        (compressed) => representation.grew(compressed.length),
        () => delete representation.compressed[encoding],
      )
    }
    form.sends += 1
    if (!form.final && form.sends >= SENDS_BEFORE_RECOMPRESSING)
      recompressions.offer(form, () => recompressAtBest(representation, encoding, form))
    void reply.header('Content-Encoding', encoding)
    return form.bytes
  })

  /** Replaces a form sent again by the same body compressed at BEST_LEVEL, if the cache still keeps it. */
  async function recompressAtBest(representation: Representation, encoding: Encoding, form: Compressed) {
    if (form.final || representation.compressed[encoding] !== form || !representation.kept()) return
    form.final = true
    try {
      const [first, best] = await Promise.all([form.bytes, compressAtBest(representation.body, encoding)])
      if (best.length >= first.length || representation.compressed[encoding] !== form) return
      representation.compressed[encoding] = { bytes: Promise.resolve(best), final: true, sends: form.sends }
      representation.grew(best.length - first.length)
    } catch {
      // The first form stays; a failure here fails no request.
    }
  }
}

// Hooks for the whole app, not only inside this plugin's own scope (what fastify-plugin does).
;(responseCachePlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true

export const responseCache = responseCachePlugin
