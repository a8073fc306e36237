import { indexEntities } from '@adonisjs/core'
import { defineConfig } from '@adonisjs/core/app'
import { indexPolicies } from '@adonisjs/bouncer'

export default defineConfig({
  experimental: {},

  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/queue/commands'),
    () => import('@adonisjs/bouncer/commands'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    {
      file: () => import('@adonisjs/core/providers/repl_provider'),
      environment: ['repl', 'test'],
    },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/core/providers/edge_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/redis/redis_provider'),
    () => import('#providers/redis_log_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/i18n/i18n_provider'),
    () => import('@adonisjs/queue/queue_provider'),
    () => import('@adonisjs/drive/drive_provider'),
    () => import('@adonisjs/mail/mail_provider'),
    () => import('#providers/mail_messenger_provider'),
    () => import('#providers/store_provider'),
    () => import('#providers/media_provider'),
    () => import('#providers/shipping_provider'),
    () => import('#providers/payments_provider'),
    () => import('#providers/notifiers_provider'),

    { file: () => import('#providers/queue_worker_provider'), environment: ['web'] },
  ],

  preloads: [
    () => import('#start/validator'),
    () => import('#start/routes/index'),
    () => import('#start/kernel'),
    () => import('#start/events'),
    () => import('#start/observability'),
    () => import('#start/limiter'),
    () => import('#start/view'),
    { file: () => import('#start/scheduler'), environment: ['web', 'console'] },
  ],

  tests: {
    suites: [
      { name: 'unit', files: ['tests/unit/**/*.spec.{ts,js}'], timeout: 10_000 },
      { name: 'functional', files: ['tests/functional/**/*.spec.{ts,js}'], timeout: 30_000 },
      { name: 'conformance', files: ['tests/conformance/**/*.spec.{ts,js}'], timeout: 60_000 },
      { name: 'browser', files: ['tests/browser/**/*.spec.{ts,js}'], timeout: 120_000 },
    ],
    forceExit: false,
  },

  metaFiles: [
    { pattern: 'resources/views/**/*.edge', reloadServer: false },
    { pattern: 'resources/lang/**/*.{json,yaml,yml}', reloadServer: false },
    { pattern: 'public/**', reloadServer: false },
    // Plain JavaScript entry points `npm start` runs in build/ (tsc copies only TypeScript).
    { pattern: 'bin/node_version.js', reloadServer: false },
    { pattern: 'bin/start.js', reloadServer: false },
  ],

  hooks: {
    // Events are imported directly in start/events.ts; app/events also holds their base classes.
    init: [indexEntities({ events: { enabled: false } }), indexPolicies()],
  },
})
