import { test } from '@japa/runner'

test.group('Mail | development mail browser', () => {
  test('does not exist outside development: {url} is a 404')
    .with([
      { url: '/dev/mails' },
      { url: '/dev/mails/20261122T101500123Z-1a2b3c4d' },
      { url: '/dev/mails/20261122T101500123Z-1a2b3c4d/html' },
    ])
    .run(async ({ client }, { url }) => {
      const response = await client.get(url)

      response.assertStatus(404)
    })
})
