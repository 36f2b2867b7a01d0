import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The features of src/features, each with the features whose queries.ts it may import: nothing
 * else of another feature, and never back up this list (no feature-level cycle, such as members
 * ↔ organizations once was).
 */
const FEATURE_DEPENDENCIES = {
  auth: [],
  organizations: ['auth'],
  projects: ['auth', 'organizations'],
  members: ['auth', 'organizations', 'projects'],
  usage: ['auth', 'organizations', 'projects'],
  access: ['auth', 'organizations', 'projects', 'members'],
  'service-users': ['auth', 'organizations', 'projects'],
  audit: ['auth', 'organizations', 'projects'],
}

function boundaryZones() {
  return [
    ...Object.entries(FEATURE_DEPENDENCIES).map(([feature, uses]) => ({
      target: `./src/features/${feature}`,
      from: './src/features',
      except: [`./${feature}`, ...uses.map((other) => `./${other}/queries.ts`)],
      message: `${feature} may use only ${uses.length ? uses.map((other) => `${other}/queries.ts`).join(' and ') : 'itself'} of the features.`,
    })),
    {
      target: './src/features',
      from: './src/app',
      message: 'Features do not import the app (routes, shell): the app composes the features.',
    },
    {
      target: ['./src/components', './src/hooks', './src/lib', './src/api'],
      from: ['./src/features', './src/app'],
      message: 'Shared parts (components/ui, hooks, lib, api) import no feature and not the app.',
    },
  ]
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'test-results', 'playwright-report', 'src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // The dashboard's layers, enforced (README "Architecture"): dependencies point one way,
    // lib and hooks ← components/ui ← features ← app, features share only through each other's
    // queries.ts, and no module imports itself back through others.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x's own TypeScript settings (which parser reads which file, for no-cycle), with its
      // built-in resolver instead of the TypeScript one the preset names (not installed).
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.d.ts'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones() }],
    },
  },
  {
    // domain/ holds the pure rules both sides import: it imports nothing from server/, src/ or a
    // package, so that either side (and the browser bundle) can load it as it is.
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./)',
              message: 'domain/ imports only its own modules (./…): nothing from server/, src/ or a package.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
)
