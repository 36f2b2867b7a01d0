// Child services for the benchmarks (our API, json-server, Prism, the build server): each runs in
// its own process so that the load generator in this process does not share its event loop.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A free loopback port: the OS picks one, we release it and hand it to the child. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface Service {
  name: string
  /** Ends the process group (the child and anything it started) and waits for the child to exit. */
  stop: () => Promise<void>
}

/** Polls `url` until it answers (any status): a service is ready when it listens. */
export async function waitForUrl(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`exited with code ${child.exitCode} before ${url} answered`)
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) })
      return
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

export interface SpawnServiceOptions {
  name: string
  command: string
  args: string[]
  env?: Record<string, string>
  /** Ready when this URL answers. */
  readyUrl: string
  timeoutMs?: number
}

/** Process groups still running: ended when the benchmark exits, also on Ctrl-C or a crash. */
const running = new Set<number>()
/** Temporary folders (databases, builds) removed on exit too. */
const folders = new Set<string>()

/** A new temporary folder that is removed when the benchmark exits, however it exits. */
export function temporaryFolder(prefix: string): { path: string; remove: () => void } {
  installCleanup()
  const path = mkdtempSync(join(tmpdir(), prefix))
  folders.add(path)
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true })
      folders.delete(path)
    },
  }
}
let cleanupInstalled = false

function installCleanup(): void {
  if (cleanupInstalled) return
  cleanupInstalled = true
  // The children have their own process groups, so a Ctrl-C in the terminal does not reach them.
  process.on('exit', () => {
    for (const pid of running)
      try {
        process.kill(-pid, 'SIGTERM')
      } catch {
        // already gone
      }
    for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))
}

export async function spawnService(options: SpawnServiceOptions): Promise<Service> {
  installCleanup()
  const child = spawn(options.command, options.args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group, so stop() also ends grandchildren (Prism forks a worker).
    detached: true,
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000)
  })
  running.add(child.pid!)
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child.pid!)
      resolve()
    }),
  )
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      return // already gone
    }
    const killLater = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }, 5_000)
    await exited
    clearTimeout(killLater)
  }
  try {
    await waitForUrl(options.readyUrl, options.timeoutMs ?? 60_000, child)
  } catch (error) {
    await stop()
    throw new Error(`${options.name}: ${(error as Error).message}\n${stderr.trim()}`)
  }
  return { name: options.name, stop }
}
