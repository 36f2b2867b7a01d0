// Real server processes (node --import tsx server/server.ts), for the tests that need more than
// app.inject(): several processes on one database file, kills and restarts.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface ServerProcess {
  child: ChildProcess
  url: string
  output: () => string
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Starts the API on a free port and resolves once it listens. */
export function startServerProcess(
  dbPath: string,
  options: { seed?: boolean; args?: readonly string[]; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const child = runScript('server/server.ts', options.args ?? [], {
    DATABASE_PATH: dbPath,
    PORT: '0',
    HOST: '127.0.0.1',
    SKIP_SEED: options.seed ? '0' : '1',
    ...options.env,
  })
  let output = ''
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      // The last line of the start-up message: everything before it has been printed too.
      const match = /listening on (http:\/\/\S+)[\s\S]*Platform staff: .*\n/.exec(output)
      if (match) resolve({ child, url: match[1]!, output: () => output, exited })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    void exited.then(({ code }) =>
      reject(new Error(`the server exited (${code}) before listening:\n${output}`)),
    )
  })
}

export async function runToCompletion(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = runScript(script, args, env)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { code, stdout, stderr }
}

export async function request(
  url: string,
  token: string,
  method = 'GET',
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Token ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined }
}
