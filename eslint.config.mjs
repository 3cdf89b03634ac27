// The house rules a tool can keep: no unused code, type-only imports marked, one import order, and the
// layers of ../shared/notes/architecture.md — an import may only point down the list below.
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

const src = (...folders) => folders.map((f) => `./src/${f}`)

// Top to bottom. Each layer may import the layers below it, never those above.
const DOORS = ['./server.ts', './payload.config.ts', ...src('app', 'cli', 'server')] // start the product; nothing imports them
const EDGES = src('http', 'mcp', 'components', 'site') // speak HTTP, MCP or UI; they call services, never each other
const EDGE_SUPPORT = src('auth') // who is calling: shared by the edges so that they need not import each other
const WIRING = src('collections', 'hooks', 'jobs', 'access', 'fields') // Payload's declarations, kept thin
const SERVICES = src('services', 'import', 'seed', 'lexical') // read facts once, ask the domain, write in one transaction
const CORE = src('domain', 'search') // pure rules and the search engines: testable without Payload or a database
const GROUND = [...src('config'), './src/log.ts', './src/metrics.ts', './src/payload-types.ts'] // configuration, logging, metrics, generated types

const above = (layer) => {
  const order = [DOORS, EDGES, EDGE_SUPPORT, WIRING, SERVICES, CORE, GROUND]
  return order.slice(0, order.indexOf(layer)).flat()
}

const layerZones = [
  {
    target: GROUND,
    from: above(GROUND).filter((f) => f !== './src/domain'),
    message: 'ground imports nothing above it',
  },
  { target: CORE, from: above(CORE), message: 'the pure core imports no layer above it' },
  {
    target: SERVICES,
    from: above(SERVICES),
    message: 'services never import wiring (hooks, collections, jobs) or edges',
  },
  { target: WIRING, from: above(WIRING), message: 'Payload wiring calls services and the domain, never edges' },
  { target: EDGE_SUPPORT, from: above(EDGE_SUPPORT), message: 'caller identification sits below the edges' },
  ...EDGES.map((edge) => ({
    target: edge,
    from: [...DOORS, ...EDGES.filter((other) => other !== edge)],
    message: 'edges never import each other or the doors; share through src/auth or src/services',
  })),
  {
    target: [
      './server.ts',
      './payload.config.ts',
      './tests',
      ...src('cli', 'server'),
      ...EDGES,
      ...EDGE_SUPPORT,
      ...WIRING,
      ...SERVICES,
      ...CORE,
      ...GROUND,
    ],
    from: src('app'),
    message: 'nothing imports the Next pages',
  },
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'data/',
      'coverage/',
      'next-env.d.ts',
      'src/payload-types.ts',
      'src/app/(payload)/admin/importMap.js',
    ],
  },
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })] },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...js.configs.recommended.rules,
      'no-undef': 'off', // TypeScript checks names
      'no-unused-vars': 'off',
      'no-redeclare': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-duplicates': ['error', { 'prefer-inline': true }],
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          'newlines-between': 'always',
          pathGroups: [{ pattern: '@payload-config', group: 'internal' }],
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    // Migrations are generated (npm run migrate:create): they receive arguments they do not all use.
    files: ['migrations/**'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // The pure core knows neither Payload nor the web framework.
    files: ['src/domain/**', 'src/search/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['payload', 'payload/*', '@payloadcms/*'], message: 'the pure core does not import Payload' },
            { group: ['express', 'next', 'next/*', 'react'], message: 'the pure core does not import a web framework' },
          ],
        },
      ],
    },
  },
)
