// A fresh browser context (empty HTTP cache and storage: a cold load) signed in with the bench
// environment's API token, as the dashboard keeps it (src/api/auth-token.ts: sessionStorage).
import type { BrowserBenchEnvironment } from '../figures'

/** A script run in the page before the app's: a function, or a function and its (serializable) argument. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each script picks its own argument type
export type InitScript = (() => void) | [script: (arg: any) => void, arg: unknown]

/**
 * A 1280 x 900 context and page whose storage holds `env.token` before any script runs, plus any
 * further init scripts (run in the page before the app, in order). Close the context when done.
 */
export async function newSignedInPage(env: BrowserBenchEnvironment, ...initScripts: InitScript[]) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.addInitScript((token) => window.sessionStorage.setItem('ubiops.token', token), env.token)
  for (const script of initScripts)
    if (Array.isArray(script)) await context.addInitScript(script[0], script[1])
    else await context.addInitScript(script)
  return { context, page: await context.newPage() }
}
