import type { test as japaTest } from '@japa/runner'
import type { Notifier, NotifierMessage } from '#notifiers/types'

/**
 * A local server that speaks the messenger's webhook format as the service
 * documents it (tests/fixtures/servers has one per built-in driver).
 */
export interface SuiteMessenger {
  /** The webhook URL the service would issue. */
  readonly url: string
  /** Payloads the service accepted. */
  readonly accepted: unknown[]
  /** Every string of an accepted payload a person would read in the channel. */
  visibleText(payload: unknown): string
  /** The next request answers with this server error. */
  failNext(status?: number): void
  /** When true, requests are never answered. */
  hang: boolean
  close(): Promise<void>
}

export interface NotifierSuiteOptions {
  test: typeof japaTest
  name: string
  messenger: () => Promise<SuiteMessenger>
  /** The driver under test, posting to `url`. */
  create: (url: string, options: { timeoutMs: number }) => Notifier
}

const FULL: NotifierMessage = {
  title: '[Jangteo · production] 서버 오류 (500)',
  text: 'TypeError: Cannot read properties of undefined\nGET /products/:slug',
  severity: 'critical',
  fields: [
    { label: '횟수', value: '3' },
    { label: 'Window', value: '10 min' },
  ],
  link: { label: '관리자 페이지에서 보기', url: 'https://shop.example.com/admin/orders/42' },
}

/**
 * The behaviour every notifier driver must have, run against a local copy of
 * its messenger: a plugin author runs it against theirs the same way
 * (`notifierSuite({ test, name, messenger, create })`).
 */
export function notifierSuite({ test, name, messenger, create }: NotifierSuiteOptions) {
  test.group(`Notifier conformance | ${name}`, (group) => {
    let service: SuiteMessenger
    group.each.setup(async () => {
      service = await messenger()
      return () => service.close()
    })

    test('delivers an alert with its title, text, every field and the link', async ({ assert }) => {
      await create(service.url, { timeoutMs: 5000 }).send(FULL)
      assert.lengthOf(service.accepted, 1)
      const seen = service.visibleText(service.accepted[0])
      for (const part of [
        FULL.title,
        'TypeError: Cannot read properties of undefined',
        '횟수',
        '10 min',
      ]) {
        assert.include(seen, part)
      }
      assert.include(seen, FULL.link!.url)
    })

    test('delivers a bare alert, without fields or link', async ({ assert }) => {
      await create(service.url, { timeoutMs: 5000 }).send({
        title: 'Disk almost full',
        text: '4% free',
        severity: 'warning',
        fields: [],
      })
      assert.lengthOf(service.accepted, 1)
      assert.include(service.visibleText(service.accepted[0]), '4% free')
    })

    test('keeps an oversized alert within the messenger limits', async ({ assert }) => {
      await create(service.url, { timeoutMs: 5000 }).send({
        title: '긴 제목 '.repeat(200),
        text: 'x'.repeat(20_000),
        severity: 'info',
        fields: Array.from({ length: 30 }, (_, index) => ({
          label: `field ${index}`,
          value: 'v'.repeat(3000),
        })),
        link: FULL.link,
      })
      assert.lengthOf(service.accepted, 1)
    })

    test('shows text that looks like markup or a mention as written', async ({ assert }) => {
      const title = 'Alert <!channel> @everyone & <b>bold</b>'
      await create(service.url, { timeoutMs: 5000 }).send({ ...FULL, title })
      assert.include(service.visibleText(service.accepted[0]), title)
    })

    test('a refused delivery throws E_NOTIFIER_DELIVERY_FAILED without the webhook URL', async ({
      assert,
    }) => {
      service.failNext(503)
      const error = await create(service.url, { timeoutMs: 5000 })
        .send(FULL)
        .then(
          () => null,
          (thrown: Error & { code?: string }) => thrown
        )
      assert.equal(error?.code, 'E_NOTIFIER_DELIVERY_FAILED')
      assert.notInclude(error!.message, new URL(service.url).pathname)
      assert.lengthOf(service.accepted, 0)
    })

    test('a webhook URL the service does not know is an error, not a silent success', async ({
      assert,
    }) => {
      const url = new URL(service.url)
      url.pathname = `${url.pathname}-revoked`
      await assert.rejects(() => create(url.toString(), { timeoutMs: 5000 }).send(FULL))
      assert.lengthOf(service.accepted, 0)
    })

    test('a service that never answers fails within the timeout', async ({ assert }) => {
      service.hang = true
      const started = Date.now()
      const error = await create(service.url, { timeoutMs: 300 })
        .send(FULL)
        .then(
          () => null,
          (thrown: Error & { code?: string }) => thrown
        )
      assert.equal(error?.code, 'E_NOTIFIER_DELIVERY_FAILED')
      assert.isBelow(Date.now() - started, 3000)
    })
  })
}
