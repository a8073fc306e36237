import { test } from '@japa/runner'
import { DiscordNotifier } from '#notifiers/drivers/discord_notifier'
import { SignedWebhookNotifier } from '#notifiers/drivers/signed_webhook_notifier'
import { SlackNotifier } from '#notifiers/drivers/slack_notifier'
import { TeamsNotifier } from '#notifiers/drivers/teams_notifier'
import { notifierSuite } from '#notifiers/testing/notifier_suite'
import { DiscordWebhookServer } from '#tests/fixtures/servers/discord_webhook_server'
import { SignedWebhookReceiver } from '#tests/fixtures/servers/signed_webhook_receiver'
import { SlackWebhookServer } from '#tests/fixtures/servers/slack_webhook_server'
import { TeamsWorkflowServer } from '#tests/fixtures/servers/teams_workflow_server'

const SECRET = 'alerts-conformance-secret-0123'

notifierSuite({
  test,
  name: 'slack',
  messenger: () => new SlackWebhookServer().start(),
  create: (url, { timeoutMs }) =>
    new SlackNotifier(SlackNotifier.validateOptions({ url, timeoutMs })),
})

notifierSuite({
  test,
  name: 'discord',
  messenger: () => new DiscordWebhookServer().start(),
  create: (url, { timeoutMs }) =>
    new DiscordNotifier(DiscordNotifier.validateOptions({ url, timeoutMs })),
})

notifierSuite({
  test,
  name: 'teams',
  messenger: () => new TeamsWorkflowServer().start(),
  create: (url, { timeoutMs }) =>
    new TeamsNotifier(TeamsNotifier.validateOptions({ url, timeoutMs })),
})

notifierSuite({
  test,
  name: 'signed webhook',
  messenger: () => new SignedWebhookReceiver(SECRET).start(),
  create: (url, { timeoutMs }) =>
    new SignedWebhookNotifier(
      SignedWebhookNotifier.validateOptions({ url, timeoutMs, secret: SECRET })
    ),
})
