import { test } from '@japa/runner'
import { DiscordNotifier } from '#notifiers/drivers/discord_notifier'
import { SignedWebhookNotifier } from '#notifiers/drivers/signed_webhook_notifier'
import { SlackNotifier } from '#notifiers/drivers/slack_notifier'
import { defineConfig, drivers } from '#notifiers/define_config'
import { NotifierManager } from '#notifiers/notifier_manager'
import { NotifierRateLimitedError } from '#notifiers/errors'
import { signWebhook, verifyWebhook } from '#notifiers/signature'
import type { NotifierMessage } from '#notifiers/types'
import { DiscordWebhookServer } from '#tests/fixtures/servers/discord_webhook_server'
import { SignedWebhookReceiver } from '#tests/fixtures/servers/signed_webhook_receiver'
import { SlackWebhookServer } from '#tests/fixtures/servers/slack_webhook_server'

const MESSAGE: NotifierMessage = {
  title: 'Queue backlog',
  text: '1200 pending',
  severity: 'warning',
  fields: [],
}
const THRESHOLDS = {
  window: '10m',
  perChannelPerMinute: 20,
  latency: { p95Ms: 2000, eventLoopLagMs: 200, forMinutes: 5 },
  queueBacklog: { pending: 1000, checkEvery: '5m' },
  disk: { path: '/tmp', minFreePercent: 10, checkEvery: '15m' },
  webhookSignatures: { failures: 10, within: '5m' },
}

test.group('Notifiers | Discord rate limits', (group) => {
  let discord: DiscordWebhookServer
  group.each.setup(async () => {
    discord = await new DiscordWebhookServer().start()
    return () => discord.close()
  })

  test('waits out a short retry_after and delivers', async ({ assert }) => {
    discord.limitNext(0.25)
    const started = Date.now()
    await new DiscordNotifier(DiscordNotifier.validateOptions({ url: discord.url })).send(MESSAGE)
    assert.isAtLeast(Date.now() - started, 250)
    assert.lengthOf(discord.requests, 2)
    assert.lengthOf(discord.accepted, 1)
  })

  test('leaves a long retry_after to the job, saying how long', async ({ assert }) => {
    discord.limitNext(30)
    const notifier = new DiscordNotifier(DiscordNotifier.validateOptions({ url: discord.url }))
    const error = await notifier.send(MESSAGE).catch((thrown) => thrown)
    assert.instanceOf(error, NotifierRateLimitedError)
    assert.equal(error.retryAfterMs, 30_000)
    assert.equal(error.code, 'E_NOTIFIER_RATE_LIMITED')
    assert.lengthOf(discord.requests, 1)
  })
})

test.group('Notifiers | Slack answers', (group) => {
  let slack: SlackWebhookServer
  group.each.setup(async () => {
    slack = await new SlackWebhookServer().start()
    return () => slack.close()
  })

  test("a 429 becomes E_NOTIFIER_RATE_LIMITED with Slack's Retry-After", async ({ assert }) => {
    slack.limitNext(7)
    const error = await new SlackNotifier(SlackNotifier.validateOptions({ url: slack.url }))
      .send(MESSAGE)
      .catch((thrown) => thrown)
    assert.instanceOf(error, NotifierRateLimitedError)
    assert.equal(error.retryAfterMs, 7000)
  })

  test("a revoked webhook reports Slack's no_service", async ({ assert }) => {
    const error = await new SlackNotifier(SlackNotifier.validateOptions({ url: `${slack.url}x` }))
      .send(MESSAGE)
      .catch((thrown) => thrown)
    assert.equal(error.code, 'E_NOTIFIER_DELIVERY_FAILED')
    assert.include(error.message, 'HTTP 404 no_service')
  })
})

test.group('Notifiers | signed webhook', (group) => {
  let receiver: SignedWebhookReceiver
  group.each.setup(async () => {
    receiver = await new SignedWebhookReceiver('the-shared-secret-123').start()
    return () => receiver.close()
  })

  test('a delivery signed with another secret is refused by the receiver', async ({ assert }) => {
    const notifier = new SignedWebhookNotifier(
      SignedWebhookNotifier.validateOptions({ url: receiver.url, secret: 'not-the-shared-secret' })
    )
    await assert.rejects(() => notifier.send(MESSAGE), /HTTP 401/)
    assert.equal(receiver.refused, 1)
    assert.lengthOf(receiver.accepted, 0)
  })

  test('verification refuses a changed body, a stale timestamp and a malformed header', ({
    assert,
  }) => {
    const body = '{"type":"alert"}'
    const now = 1_800_000_000
    const header = signWebhook('secret', body, now)
    assert.isTrue(verifyWebhook('secret', header, body, { now }))
    assert.isFalse(verifyWebhook('secret', header, `${body} `, { now }))
    assert.isFalse(verifyWebhook('secret', header, body, { now: now + 301 }))
    assert.isFalse(verifyWebhook('secret', 'v1=abc', body, { now }))
    assert.isFalse(verifyWebhook('secret', undefined, body, { now }))
  })
})

test.group('Notifiers | config', () => {
  test('a channel without an http(s) URL stops the start, naming the variable', ({ assert }) => {
    assert.throws(() => drivers.slack({ url: 'hooks.slack.com/x' }), /ALERTS_SLACK_URL/)
    assert.throws(() => drivers.teams({ url: undefined }), /ALERTS_TEAMS_URL/)
  })

  test('the signed webhook needs a secret of 16 characters', ({ assert }) => {
    assert.throws(
      () => drivers.webhook({ url: 'https://ops.example.com/hook', secret: 'short' }),
      /ALERTS_WEBHOOK_SECRET/
    )
  })

  test('a bad duration or threshold stops the start with its key', ({ assert }) => {
    assert.throws(() => defineConfig({ ...THRESHOLDS, window: 'soon', channels: {} }), /window/)
    assert.throws(
      () =>
        defineConfig({
          ...THRESHOLDS,
          queueBacklog: { pending: 0, checkEvery: '5m' },
          channels: {},
        }),
      /queueBacklog.pending/
    )
  })

  test('the manager builds a channel once and names an unknown one', ({ assert }) => {
    let built = 0
    const manager = new NotifierManager(
      defineConfig({
        ...THRESHOLDS,
        channels: {
          ops: () => {
            built++
            return { driver: 'ops', send: async () => {} }
          },
        },
      })
    )
    assert.strictEqual(manager.use('ops'), manager.use('ops'))
    assert.equal(built, 1)
    assert.throws(
      () => manager.use('pager'),
      'Unknown alert channel "pager". Register it in config/alerts.ts'
    )
  })
})
