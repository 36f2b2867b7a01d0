import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { apiTarget } from './server/cli/api-target'

// The dashboard only ever calls `/api/...`; the dev server (and `npm run serve`) forward that to
// the API's base URL, so the same build works against the local server or the hosted API.
const { origin, basePath } = apiTarget(process.env.UBIOPS_API_URL)

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': {
        target: origin,
        changeOrigin: true,
        rewrite: (path) => basePath + path.replace(/^\/api/, ''),
      },
    },
  },
  build: {
    // Per-route chunks are reported by bench/; keep the warning for anything unusual.
    chunkSizeWarningLimit: 600,
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
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          // Each server test file opens its own SQLite file; files run in parallel.
          testTimeout: 20_000,
        },
      },
    ],
  },
})
