/*
 * Environment variables are validated here at boot; a missing or malformed
 * value stops the process with a message naming the variable. Every variable
 * is documented in .env.example.
 */
import { Env } from '@adonisjs/core/env'
import { Secret } from '@adonisjs/core/helpers'
import string from '@adonisjs/core/helpers/string'

/** The placeholder shipped in .env.example; never a valid key in production. */
export const EXAMPLE_APP_KEY = 'replace-me-with-node-ace-generate-key'

/** A duration such as `60s` or `2m`, in milliseconds; empty means the default. */
function durationMs(key: string, value?: string) {
  if (!value) return undefined
  let ms = Number.NaN
  try {
    ms = string.milliseconds.parse(value)
  } catch {}
  if (!(ms > 0)) throw new Error(`Invalid ${key} "${value}": use a duration such as "60s" or "2m"`)
  return ms
}

function appKey(key: string, value?: string) {
  return secretKey(key, value, 'node ace generate:key --show')
}

/**
 * AUDIT_KEY keys the audit log's hash chain. It is a separate secret from
 * APP_KEY (which signs cookies and may be rotated) and never stored in the
 * database the chain protects.
 */
function auditKey(key: string, value?: string) {
  const secret = secretKey(key, value, 'node ace generate:key --show')
  if (process.env.NODE_ENV === 'production' && value === process.env.APP_KEY) {
    throw new Error(
      `Refusing to start in production with "${key}" equal to APP_KEY: use a separate secret.`
    )
  }
  return secret
}

function secretKey(key: string, value: string | undefined, howToMake: string) {
  const inProduction = process.env.NODE_ENV === 'production'
  if (!value) {
    throw new Error(`Missing environment variable "${key}". Generate one with "${howToMake}".`)
  }
  if (inProduction && (value === EXAMPLE_APP_KEY || value.length < 32)) {
    throw new Error(
      `Refusing to start in production with the example or a short "${key}". ` +
        `Generate one with "${howToMake}" and set it in the environment.`
    )
  }
  return new Secret(value)
}

/** Where sessions live; see config/session.ts. */
const SESSION_STORES = ['database', 'redis', 'memory'] as const

function sessionDriver(key: string, value?: string) {
  if (value === undefined || value === '') return undefined
  if (value === 'cookie') {
    throw new Error(
      `"${key}=cookie" is no longer supported: a session kept in the cookie cannot be ended at ` +
        'logout or by a password change. Use "database" (the default) or "redis".'
    )
  }
  const store = SESSION_STORES.find((name) => name === value)
  if (!store) throw new Error(`"${key}" must be one of ${SESSION_STORES.join(', ')}`)
  return store
}

/**
 * DATA_DIR holds the shop's data (config/data.ts). Outside production it
 * defaults to storage/ in the project; a production server must be told,
 * so the database and media never end up inside the build a deploy replaces.
 */
function dataDir(key: string, value?: string) {
  if (!value && process.env.NODE_ENV === 'production') {
    throw new Error(
      `Missing environment variable "${key}". Set it to a directory outside the application ` +
        '(e.g. /var/lib/jangteo): it holds the SQLite database, media, backups and audit anchors.'
    )
  }
  return value || undefined
}

/**
 * A guessable token would open the shop's figures to anyone: at least 16
 * characters (`openssl rand -hex 32` makes a good one).
 */
function metricsToken(key: string, value?: string) {
  if (value === undefined || value === '') return undefined
  if (value.length < 16) {
    throw new Error(
      `"${key}" must be at least 16 characters. Make one with "openssl rand -hex 32".`
    )
  }
  return new Secret(value)
}

/**
 * Where the server listens when HOST is not set: this machine only. The demo
 * (`npm start`) runs in development mode with developer tools; reaching it
 * from other machines takes an explicit HOST=0.0.0.0.
 */
export const DEFAULT_HOST = '127.0.0.1'

/** How the app talks TLS to PostgreSQL (DB_SSL). */
const DB_SSL_MODES = ['false', 'true', 'no-verify'] as const
type DbSslMode = (typeof DB_SSL_MODES)[number]

/** The port and log level without a .env (a production host sets only what it changes). */
export const DEFAULT_PORT = 3333
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const env = await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: (key: string, value?: string) => (value ? Env.schema.number()(key, value) : DEFAULT_PORT),
  HOST: (key: string, value?: string) =>
    value ? Env.schema.string({ format: 'host' })(key, value) : DEFAULT_HOST,
  APP_KEY: appKey,
  AUDIT_KEY: auditKey,
  DATA_DIR: dataDir,
  AUDIT_ANCHOR_PATH: Env.schema.string.optional(),
  AUDIT_ANCHOR_DISK: Env.schema.string.optional(),
  AUDIT_ANCHOR_EVERY: Env.schema.string.optional(),
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  LOG_LEVEL: (key: string, value?: string) =>
    value ? Env.schema.enum(LOG_LEVELS)(key, value) : ('info' as const),

  /*
   * Database: the embedded SQLite file by default, PostgreSQL in production.
   */
  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'pg'] as const),
  SQLITE_PATH: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),
  // TLS to PostgreSQL: `true` verifies the server certificate (against
  // DB_SSL_CA when set), `no-verify` encrypts without verifying.
  // A function, not Env.schema.enum: that one casts "false" and "true" to booleans first.
  DB_SSL: (key: string, value?: string) => {
    if (!value) return undefined
    if (!DB_SSL_MODES.includes(value as DbSslMode)) {
      throw new Error(`"${key}" must be one of ${DB_SSL_MODES.join(', ')} (it is "${value}")`)
    }
    return value as DbSslMode
  },
  DB_SSL_CA: Env.schema.string.optional(),
  DB_POOL_MIN: Env.schema.number.optional(),
  DB_POOL_MAX: Env.schema.number.optional(),

  /*
   * Backups (config/backups.ts): how many to keep, how often the queue
   * worker takes one, and the PostgreSQL tools that make and restore them.
   */
  BACKUP_KEEP: Env.schema.number.optional(),
  BACKUP_EVERY: Env.schema.string.optional(),
  PG_DUMP_PATH: Env.schema.string.optional(),
  PG_RESTORE_PATH: Env.schema.string.optional(),

  /*
   * Redis: used by the queue, sessions and rate limits once configured to.
   */
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  REDIS_DB: Env.schema.number.optional(),
  // Put before every key (queue, sessions, rate limits), e.g. `jangteo:`.
  REDIS_PREFIX: Env.schema.string.optional(),
  REDIS_TLS: Env.schema.boolean.optional(),
  REDIS_TLS_CA: Env.schema.string.optional(),

  SESSION_DRIVER: sessionDriver,
  LIMITER_STORE: Env.schema.enum.optional(['database', 'redis', 'memory'] as const),
  QUEUE_DRIVER: Env.schema.enum.optional(['database', 'redis', 'sync'] as const),
  QUEUE_WORKER: Env.schema.enum.optional(['embedded', 'off'] as const),
  // How long `node ace queue:work` waits for an unreachable queue backend
  // before it exits non-zero for its supervisor to restart it, e.g. `60s`.
  WORKER_BACKEND_TIMEOUT: durationMs,

  /*
   * Mail (config/mail.ts): `preview` keeps messages under tmp/mail-previews
   * instead of sending (default outside production), `smtp` sends.
   */
  MAIL_MAILER: Env.schema.enum.optional(['smtp', 'preview'] as const),
  MAIL_FROM_ADDRESS: Env.schema.string.optional({ format: 'email' }),
  MAIL_FROM_NAME: Env.schema.string.optional(),
  MAIL_PREVIEW_KEEP: Env.schema.number.optional(),
  SMTP_HOST: Env.schema.string.optional({ format: 'host' }),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.secret.optional(),

  /*
   * Media: files on the local disk by default, an S3-compatible bucket when
   * DRIVE_DISK=s3. ffmpeg/ffprobe from these paths, else the system's, else
   * the binaries shipped in npm packages.
   */
  DRIVE_DISK: Env.schema.enum.optional(['fs', 's3'] as const),
  MEDIA_STORAGE_PATH: Env.schema.string.optional(),
  S3_BUCKET: Env.schema.string.optional(),
  S3_PRIVATE_BUCKET: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional({ format: 'url', tld: false }),
  S3_ACCESS_KEY_ID: Env.schema.string.optional(),
  S3_SECRET_ACCESS_KEY: Env.schema.secret.optional(),
  S3_PUBLIC_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  S3_FORCE_PATH_STYLE: Env.schema.boolean.optional(),
  FFMPEG_PATH: Env.schema.string.optional(),
  FFPROBE_PATH: Env.schema.string.optional(),
  MEDIA_FFMPEG_THREADS: Env.schema.number.optional(),

  /*
   * Store settings.
   */
  STORE_NAME: Env.schema.string.optional(),
  STORE_CURRENCY: Env.schema.string.optional(),
  STORE_TIMEZONE: Env.schema.string.optional(),
  DEFAULT_LOCALE: Env.schema.enum.optional(['ko', 'en'] as const),
  CART_MAX_QUANTITY_PER_LINE: Env.schema.number.optional(),
  CART_MAX_LINES: Env.schema.number.optional(),
  CHECKOUT_RATE_LIMIT: Env.schema.number.optional(),
  ORDER_UNPAID_TTL_MINUTES: Env.schema.number.optional(),
  ORDER_BANK_TRANSFER_TTL_MINUTES: Env.schema.number.optional(),
  ORDER_AUTO_CONFIRM_DAYS: Env.schema.number.optional(),
  ORDER_AUTO_CONFIRM_SHIPPED_DAYS: Env.schema.number.optional(),

  /*
   * Payments (config/payments.ts): the account shown for bank transfers, and
   * the sandbox card processor for demos and tests.
   */
  BANK_TRANSFER_BANK_NAME: Env.schema.string.optional(),
  BANK_TRANSFER_ACCOUNT_NUMBER: Env.schema.string.optional(),
  BANK_TRANSFER_ACCOUNT_HOLDER: Env.schema.string.optional(),
  TEST_CARD_ENABLED: Env.schema.boolean.optional(),
  TEST_CARD_SECRET: Env.schema.secret.optional(),
  PAYMENTS_SANDBOX: Env.schema.boolean.optional(),
  KAKAOPAY_SECRET_KEY: Env.schema.secret.optional(),
  KAKAOPAY_CID: Env.schema.string.optional(),
  KAKAOPAY_API_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  STRIPE_SECRET_KEY: Env.schema.secret.optional(),
  STRIPE_PUBLISHABLE_KEY: Env.schema.string.optional(),
  STRIPE_WEBHOOK_SECRET: Env.schema.secret.optional(),
  STRIPE_API_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  STRIPE_JS_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  PAYPAL_CLIENT_ID: Env.schema.string.optional(),
  PAYPAL_CLIENT_SECRET: Env.schema.secret.optional(),
  PAYPAL_WEBHOOK_ID: Env.schema.string.optional(),
  PAYPAL_ENVIRONMENT: Env.schema.enum.optional(['sandbox', 'live'] as const),
  PAYPAL_API_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  TOSS_CLIENT_KEY: Env.schema.string.optional(),
  TOSS_SECRET_KEY: Env.schema.secret.optional(),
  TOSS_API_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  TOSS_JS_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  NAVERPAY_PARTNER_ID: Env.schema.string.optional(),
  NAVERPAY_CLIENT_ID: Env.schema.string.optional(),
  NAVERPAY_CLIENT_SECRET: Env.schema.secret.optional(),
  NAVERPAY_CHAIN_ID: Env.schema.string.optional(),
  NAVERPAY_MODE: Env.schema.enum.optional(['development', 'production'] as const),
  NAVERPAY_API_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  NAVERPAY_JS_URL: Env.schema.string.optional({ format: 'url', tld: false }),

  /*
   * Alerts to the team's messenger (config/alerts.ts): each URL set adds a
   * channel; none set means alerts are off. Thresholds have defaults.
   */
  ALERTS_SLACK_URL: Env.schema.secret.optional(),
  ALERTS_DISCORD_URL: Env.schema.secret.optional(),
  ALERTS_TEAMS_URL: Env.schema.secret.optional(),
  ALERTS_WEBHOOK_URL: Env.schema.secret.optional(),
  ALERTS_WEBHOOK_SECRET: Env.schema.secret.optional(),
  ALERTS_WINDOW: Env.schema.string.optional(),
  ALERTS_PER_CHANNEL_PER_MINUTE: Env.schema.number.optional(),
  ALERTS_LATENCY_P95_MS: Env.schema.number.optional(),
  ALERTS_EVENT_LOOP_LAG_MS: Env.schema.number.optional(),
  ALERTS_SLOW_FOR_MINUTES: Env.schema.number.optional(),
  ALERTS_QUEUE_BACKLOG: Env.schema.number.optional(),
  ALERTS_DISK_MIN_FREE_PERCENT: Env.schema.number.optional(),
  ALERTS_WEBHOOK_SIGNATURE_FAILURES: Env.schema.number.optional(),

  /*
   * Logs and metrics: the per-request access log, and the bearer token that
   * opens /metrics (unset: no /metrics). METRICS_PORT: a process serves its
   * metrics on 127.0.0.1 at that port too (how queue workers are scraped).
   */
  ACCESS_LOG: Env.schema.boolean.optional(),
  METRICS_TOKEN: metricsToken,
  METRICS_PORT: Env.schema.number.optional(),
})

// The HTTP server reads process.env.HOST and PORT itself and would fall back to 0.0.0.0.
env.set('HOST', env.get('HOST'))
env.set('PORT', env.get('PORT'))

export default env
