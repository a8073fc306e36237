import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import testUtils from '@adonisjs/core/services/test_utils'
import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { dbAssertions } from '@adonisjs/lucid/plugins/db'
import type { Config } from '@japa/runner/types'
import { chromium } from 'playwright'
import type { PluginConfig } from '@japa/browser-client/types'
import { prepareTestDatabase } from '#tests/helpers/database'
import { deleteKeysUnderPrefix } from '#tests/helpers/redis'

/**
 * Chromium for the browser suite: CHROMIUM_PATH, else the system's
 * /usr/bin/chromium, else the copy shipped inside @sparticuz/chromium.
 */
const launchChromium: NonNullable<PluginConfig['launcher']> = async (options) => {
  const flags = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ]
  let executablePath = process.env.CHROMIUM_PATH
  if (!executablePath && existsSync('/usr/bin/chromium')) executablePath = '/usr/bin/chromium'
  if (!executablePath) {
    const { default: packaged } = await import('@sparticuz/chromium')
    executablePath = await packaged.executablePath()
  }
  const browser = await chromium.launch({
    headless: options.headless,
    slowMo: options.slowMo,
    executablePath,
    args: flags,
  })
  // Pages are asserted in Korean at the store's time: every context, the
  // suite's and any a test opens, reads as a Korean visitor in Seoul,
  // whatever language and zone the machine's Chromium defaults to.
  const newContext = browser.newContext.bind(browser)
  browser.newContext = (contextOptions = {}) =>
    newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul', ...contextOptions })
  return browser
}

export const plugins: Config['plugins'] = [
  assert(),
  pluginAdonisJS(app),
  dbAssertions(app),
  apiClient(),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  browserClient({ runInSuites: ['browser'], launcher: launchChromium }),
  sessionBrowserClient(app),
  authBrowserClient(app),
]

/**
 * Media files of earlier runs would survive truncation; every run starts with
 * none. Only a storage folder named for tests is ever emptied.
 */
async function emptyMediaStorage() {
  const folder = process.env.MEDIA_STORAGE_PATH || 'tmp/test-storage'
  if (!folder.includes('test')) throw new Error(`Refusing to empty "${folder}" before the tests`)
  await rm(app.makePath(folder), { recursive: true, force: true })
}

/** Anchors of an earlier run's audit log would not match this run's. */
async function emptyAuditAnchors() {
  const file = config.get<{ path: string }>('audit.anchors').path
  if (!file.includes('test')) throw new Error(`Refusing to remove "${file}" before the tests`)
  await rm(file, { force: true })
}

/**
 * Jobs, sessions and counters left in Redis by an earlier run would point at
 * rows that no longer exist. Only keys under the suite's own REDIS_PREFIX
 * (.env.test) are deleted: another app's keys in the same Redis survive.
 */
async function emptyRedisQueues() {
  const drivers = [
    config.get('queue.default'),
    config.get('session.store'),
    config.get('limiter.default'),
  ]
  if (!drivers.includes('redis')) return
  const { default: redis } = await import('@adonisjs/redis/services/main')
  await deleteKeysUnderPrefix(redis.connection('main').ioConnection)
}

export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    () => prepareTestDatabase(),
    () => testUtils.db().migrate(),
    emptyMediaStorage,
    emptyAuditAnchors,
    emptyRedisQueues,
  ],
  teardown: [],
}

/** Every test starts with fresh rate-limit counters (the store is memory in tests). */
async function resetRateLimits() {
  const limiter = await app.container.make('limiter.manager')
  await limiter.clear()
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  suite.onGroup((group) => group.each.setup(resetRateLimits))
  suite.onTest((test) => test.setup(resetRateLimits))
  if (['browser', 'functional'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
