import { rm } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { runNode, sqliteEnv, startNode } from '#tests/helpers/processes'

const DATABASE = 'tmp/alerts-boot.sqlite3'
const SERVER = ['--import=@poppinss/ts-exec', 'bin/server.ts']

/** A web server's environment with these alert settings, logging at info. */
function serverEnv(alerts: Record<string, string>) {
  return { ...sqliteEnv(DATABASE, 'development'), LOG_LEVEL: 'info', ...alerts }
}

test.group('Alerts | at boot', (group) => {
  group.each.teardown(() => rm(app.makePath(DATABASE), { force: true }))

  test('with no channel set, the server says once, at info, that alerts are off', async ({
    assert,
  }) => {
    const { process: server } = await startNode(SERVER, serverEnv({}), /alerts are off[^\n]*/)
    try {
      await new Promise((resolve) => setTimeout(resolve, 500))
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.includes('alerts are off'))
      assert.lengthOf(lines, 1)
      assert.include(lines[0], 'ALERTS_SLACK_URL')
      assert.match(lines[0], /INFO|"level":30/)
    } finally {
      await server.stop()
    }
  }).timeout(120_000)

  test('with channels set, it names them', async ({ assert }) => {
    const { process: server, match } = await startNode(
      SERVER,
      serverEnv({
        ALERTS_DISCORD_URL: 'https://discord.com/api/webhooks/1/token',
        ALERTS_TEAMS_URL: 'https://example.powerautomate.com/workflows/1',
      }),
      /alerts go to: [^\n"]*/
    )
    await server.stop()
    assert.equal(match[0], 'alerts go to: discord, teams')
    assert.notInclude(server.output(), 'discord.com/api/webhooks/1/token')
  }).timeout(120_000)

  test('a signed webhook without its secret stops the start, naming the variable', async ({
    assert,
  }) => {
    const result = await runNode(
      SERVER,
      serverEnv({ ALERTS_WEBHOOK_URL: 'https://ops.example.com/hooks/jangteo' })
    )
    assert.notEqual(result.code, 0)
    assert.include(result.output, 'ALERTS_WEBHOOK_SECRET')
  }).timeout(120_000)
})
