import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { apiTarget } from './server/cli/api-target.ts'

// The dashboard only ever calls `/api/...`; the dev server (and `npm run serve`) forward that to
// the API's base URL, so the same build works against the local server or the hosted API.
const { origin, basePath } = apiTarget(process.env.UBIOPS_API_URL)

// react-router's package exports always point at its development build, dev-only warnings and
// all (remix-run/react-router#12532, #14102); the build uses the production bundle beside it.
const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
)

// The dev server under Playwright serves a fixed tree: no file watching and no HMR, so that an
// edit elsewhere in the tree (several people work in it) cannot reload a page mid-test.
const isTestServer = Boolean(process.env.VITE_NO_WATCH || process.env.E2E_WEB_PORT)

/**
 * react-router's production bundle creates <Link>, <NavLink> and <Form> with `React.forwardRef(…)`
 * calls that carry no PURE annotation, and names its components and contexts with top-level
 * `X.displayName = "…"` assignments. To a bundler both are side effects, so those components and
 * the framework-mode prefetching and form-submission code they use stayed in the entry chunk, unused
 * (~4 KB gzip on every first page). Marking the calls pure and dropping the names (only React
 * DevTools reads them) lets tree-shaking remove what the dashboard does not import. Upstream:
 * remix-run/react-router#15299. Should an update reshape the bundle, this matches nothing and
 * changes nothing: `npm run bench -- bytes` would show the kilobytes coming back.
 */
const treeShakeableReactRouter: Plugin = {
  name: 'tree-shakeable-react-router',
  apply: 'build',
  transform(code, id) {
    if (!/react-router[\\/]dist[\\/]production[\\/]chunk-/.test(id)) return null
    return code
      .replace(/= (React\d*)\.forwardRef\(/g, '= /* @__PURE__ */ $1.forwardRef(')
      .replace(/^\w+\.displayName = "[^"]*";$/gm, '')
  },
}

/**
 * Rolldown gives each module that two lazy routes share a chunk of its own: the organization list
 * (the first page after sign-in) came as nine files, four of them under 600 bytes gzip, and small
 * files compress badly. These groups put together what the first pages load anyway.
 * `includeDependenciesRecursively: false`: a group takes only the modules it names, not their
 * imports (React, react-router and the QueryClient would otherwise leave the entry chunk and drag
 * the group into the sign-in page).
 */
const SIGNED_IN_MODULES = [
  // react-query's useQuery; the QueryClient it reads from is in the entry.
  /@tanstack[\\/]react-query[\\/]build[\\/]modern[\\/](useQuery|useBaseQuery|errorBoundaryUtils|suspense|QueryErrorResetBoundary|IsRestoringProvider)\.js$/,
  /@tanstack[\\/]query-core[\\/]build[\\/]modern[\\/]queryObserver\.js$/,
  // The pending, error and empty states, and the date format.
  /src[\\/]components[\\/]ui[\\/]query-state\./,
  /src[\\/]features[\\/]organizations[\\/]lib[\\/]format\./,
]

const chunkGroups = [
  // The controls of the sign-in page, which every signed-in page uses as well.
  { name: 'controls', test: /src[\\/]components[\\/]ui[\\/](button|field|use-settled-navigate)\./ },
  // What every signed-in page (none of them before sign-in) reads its data with.
  { name: 'signed-in', test: (id: string) => SIGNED_IN_MODULES.some((module) => module.test(id)) },
]

export default defineConfig(({ command }) => ({
  plugins: [react(), treeShakeableReactRouter],
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
      output: { codeSplitting: { includeDependenciesRecursively: false, groups: chunkGroups } },
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
