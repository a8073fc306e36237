/*
 * Environment variables are validated here at boot; a missing or malformed
 * value stops the process with a message naming the variable. Every variable
 * is documented in .env.example.
 */
import { Env } from '@adonisjs/core/env'
import { Secret } from '@adonisjs/core/helpers'

/** The placeholder shipped in .env.example; never a valid key in production. */
export const EXAMPLE_APP_KEY = 'replace-me-with-node-ace-generate-key'

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

const env = await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: (key: string, value?: string) =>
    value ? Env.schema.string({ format: 'host' })(key, value) : DEFAULT_HOST,
  APP_KEY: appKey,
  AUDIT_KEY: auditKey,
  AUDIT_ANCHOR_PATH: Env.schema.string.optional(),
  AUDIT_ANCHOR_DISK: Env.schema.string.optional(),
  AUDIT_ANCHOR_EVERY: Env.schema.string.optional(),
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.enum([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),

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

  /*
   * Redis: used by the queue, sessions and rate limits once configured to.
   */
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),

  SESSION_DRIVER: sessionDriver,
  LIMITER_STORE: Env.schema.enum.optional(['database', 'redis', 'memory'] as const),
  QUEUE_DRIVER: Env.schema.enum.optional(['database', 'redis', 'sync'] as const),
  QUEUE_WORKER: Env.schema.enum.optional(['embedded', 'off'] as const),

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
   * Logs and metrics: the per-request access log, and the bearer token that
   * opens /metrics (unset: no /metrics). METRICS_PORT: a process serves its
   * metrics on 127.0.0.1 at that port too (how queue workers are scraped).
   */
  ACCESS_LOG: Env.schema.boolean.optional(),
  METRICS_TOKEN: metricsToken,
  METRICS_PORT: Env.schema.number.optional(),
})

// The HTTP server reads process.env.HOST itself and would fall back to 0.0.0.0.
env.set('HOST', env.get('HOST'))

export default env
