import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { apiTarget } from './server/cli/api-target.ts'

// The dashboard only ever calls `/api/...`; the dev server (and `npm run serve`) forward that to
// the API's base URL, so the same build works against the local server or the hosted API.
const { origin, basePath } = apiTarget(process.env.UBIOPS_API_URL)

// react-router's package exports always point at its development build, dev-only warnings and
// all (remix-run/react-router#12532, #14102); the build uses the production bundle beside it. The
// package's code is used as published; should an upgrade move the file, the build stops with
// "could not resolve" rather than changing anything silently.
const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
)

// What every page runs, in one chunk: the libraries of the first screen (React, the router, the
// query client) and the app's small modules that every route shares. Left to itself the bundler
// cuts the latter into a dozen chunks under a kilobyte, each compressed alone; together they
// compress better, and the first page stays within its budget (bench/bytes.ts).
const FIRST_SCREEN_LIBRARIES =
  /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query))[\\/]/
const SHARED_APP_MODULES =
  /src[\\/](api[\\/](client|answers)|lib[\\/](paths|format-date)|components[\\/]ui[\\/](button|field|query-state)|hooks[\\/]use-on-demand|features[\\/]auth[\\/]hooks[\\/]use-sign-out)\.tsx?$|vite[\\/]preload-helper/
// The query hooks that the list, the not-found page and the frame do not call (several queries at
// once, mutations, a count of those fetching): a group takes every module its test matches,
// wherever it is used, so these would ride on every first page for the pages that call them.
// They load with those pages.
const LATER_QUERY_HOOKS =
  /@tanstack[\\/](query-core|react-query)[\\/]build[\\/]modern[\\/](useQueries|queriesObserver|useIsFetching|useMutation|mutationObserver)\.js$/

/**
 * The app's modules that the entry (src/main.tsx) imports statically, itself left out: known once
 * the module graph is complete (buildEnd), before the chunks are made. In the framework chunk they
 * compress with what they call, instead of making a second file that every page loads and that
 * imports dozens of names from the first.
 */
function entryAppModules(): { plugin: Plugin; has: (id: string) => boolean } {
  const modules = new Set<string>()
  return {
    has: (id) => modules.has(id),
    plugin: {
      name: 'entry-app-modules',
      apply: 'build',
      buildEnd() {
        const importsOf = (id: string) => this.getModuleInfo(id)?.importedIds ?? []
        const visit = (id: string) => {
          if (modules.has(id) || !/[\\/]src[\\/].*\.tsx?$/.test(id)) return
          modules.add(id)
          importsOf(id).forEach(visit)
        }
        const entry = [...this.getModuleIds()].find((id) => /[\\/]src[\\/]main\.tsx$/.test(id))
        if (entry) importsOf(entry).forEach(visit)
      },
    },
  }
}
const entryApp = entryAppModules()

const isFrameworkModule = (id: string) =>
  (FIRST_SCREEN_LIBRARIES.test(id) && !LATER_QUERY_HOOKS.test(id)) ||
  SHARED_APP_MODULES.test(id) ||
  entryApp.has(id)

// The dev server under Playwright serves a fixed tree: no file watching and no HMR, so that an
// edit elsewhere in the tree (several people work in it) cannot reload a page mid-test.
const isTestServer = Boolean(process.env.VITE_NO_WATCH || process.env.E2E_WEB_PORT)

export default defineConfig(({ command }) => ({
  plugins: [react(), entryApp.plugin],
  resolve: {
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  server: {
    watch: isTestServer ? null : undefined,
    hmr: isTestServer ? false : undefined,
    proxy: {
      '/api': {
        target: origin,
        changeOrigin: true,
        // The browser's address in X-Forwarded-For, trusted by a local API started by `npm start`
        // thanks to the secret it shares with this process (server/auth/client-address.ts).
        xfwd: true,
        headers: process.env.UBIOPS_PROXY_SECRET
          ? { 'x-ubiops-proxy-secret': process.env.UBIOPS_PROXY_SECRET }
          : undefined,
        rewrite: (path) => basePath + path.replace(/^\/api/, ''),
      },
    },
  },
  build: {
    // Every browser the dashboard supports preloads modules natively; the polyfill would be
    // half a kilobyte of the first page for nothing.
    modulePreload: { polyfill: false },
    // Per-route chunks are reported by bench/; keep the warning for anything unusual.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'framework', test: isFrameworkModule }] } },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The rules both sides import, tested once, in isolation.
          name: 'domain',
          include: ['domain/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          // Each server test file opens its own SQLite file; files run in parallel.
          testTimeout: 20_000,
        },
      },
    ],
  },
}))
