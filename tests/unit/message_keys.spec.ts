import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'

type Messages = Map<string, string>

/** Every message of one language as flat `file.path.to.key` → text. */
async function messagesOf(locale: string): Promise<Messages> {
  const folder = app.languageFilesPath(locale)
  const messages: Messages = new Map()
  const flatten = (prefix: string, value: unknown) => {
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) flatten(`${prefix}.${key}`, inner)
    } else messages.set(prefix, String(value))
  }
  const files = await readdir(folder)
  for (const file of files.filter((name) => name.endsWith('.json'))) {
    flatten(file.replace(/\.json$/, ''), JSON.parse(await readFile(join(folder, file), 'utf8')))
  }
  return messages
}

/** The text of every file under `folder` whose name ends with one of `extensions`. */
async function sources(folder: string, extensions: string[]) {
  const found: { path: string; text: string }[] = []
  for (const entry of await readdir(app.makePath(folder), {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile() || !extensions.some((extension) => entry.name.endsWith(extension))) continue
    const path = join(entry.parentPath, entry.name)
    found.push({ path: relative(app.appRoot.pathname, path), text: await readFile(path, 'utf8') })
  }
  return found
}

/**
 * The message keys a source uses: every quoted key that starts with a lang
 * file's name (`'shop.cart.title'`, `` `shipping.breakdown.${code}` ``, with
 * `${…}` read as any key segment), plus the keys that code names indirectly:
 * validation rules (`failValidation(…, 'rule')`, `field.report(…, 'rule')`,
 * media refusals), mail subjects (emails.*), the audit log's names of
 * business events (messages.audit.actions.*) and the identifiers of the
 * framework's own exceptions (errors.*).
 */
function keysUsed(text: string, namespaces: string[]): string[] {
  const keys: string[] = []
  const quoted = /(['"`])((?:[a-z_]+)(?:\.(?:[\w-]+|\$\{[^}]+\}))+)\1/g
  for (const [, , key] of text.matchAll(quoted)) {
    if (namespaces.includes(key.split('.')[0])) keys.push(key)
  }
  const rule =
    /(?:failValidation\([^)]*?,\s*|report\([^)]*?,\s*|MediaRejectedError\(\s*)'([\w.]+)'/g
  for (const [, name] of text.matchAll(rule)) keys.push(`validator.shared.messages.${name}`)
  for (const [, key] of text.matchAll(/subject: \['([\w.]+)'/g)) keys.push(`emails.${key}`)
  // failValidation names its field by the path's last name: `variants.${index}.sku` → sku.
  for (const [, path] of text.matchAll(/failValidation\(\s*['`]([^'`]+)['`]/g)) {
    const name = path.split('.').findLast((part) => !/^(\d+|\$\{.*\})$/.test(part))
    if (name) keys.push(`validator.shared.fields.${name}`)
  }
  // The audit log names each business event by its action.
  for (const [, action] of text.matchAll(/static action = '([\w.]+)'/g)) {
    keys.push(`messages.audit.actions.${action}`)
  }
  return keys
}

/** Dotted strings that are not message keys: the shop's session keys. */
const NOT_MESSAGES = new Set(['shop.cartId', 'shop.cartCount', 'shop.orderKeys', 'shop.shipTo'])

/** Whether `key` (possibly with `${…}` parts) names at least one message. */
function exists(key: string, messages: Messages): boolean {
  if (!key.includes('${')) return messages.has(key)
  const pattern = new RegExp(
    `^${key
      .split(/\$\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[\\w.-]+')}$`
  )
  return [...messages.keys()].some((candidate) => pattern.test(candidate))
}

test.group('Messages | every key in both languages', () => {
  test('Korean and English have the same files and the same keys', async ({ assert }) => {
    const ko = await messagesOf('ko')
    const en = await messagesOf('en')
    assert.deepEqual(
      [...ko.keys()].filter((key) => !en.has(key)),
      [],
      'keys only in Korean'
    )
    assert.deepEqual(
      [...en.keys()].filter((key) => !ko.has(key)),
      [],
      'keys only in English'
    )
    const empty = [...ko, ...en].filter(([, text]) => !text.trim()).map(([key]) => key)
    assert.deepEqual(empty, [], 'empty messages')
  })

  test('every key that views, code and validators use exists in both languages', async ({
    assert,
  }) => {
    const ko = await messagesOf('ko')
    const en = await messagesOf('en')
    const namespaces = [...new Set([...ko.keys()].map((key) => key.split('.')[0]))]
    const startFiles = await sources('start', ['.ts'])
    const files = [
      ...(await sources('resources/views', ['.edge'])),
      ...(await sources('app', ['.ts'])),
      // Route files name routes (`shipping.show`), not messages.
      ...startFiles.filter(({ path }) => !path.startsWith('start/routes')),
      ...(await sources('config', ['.ts'])),
    ]

    const missing: string[] = []
    const used = new Set<string>()
    for (const { path, text } of files) {
      for (const key of keysUsed(text, namespaces).filter((found) => !NOT_MESSAGES.has(found))) {
        used.add(key)
        for (const [locale, messages] of [
          ['ko', ko],
          ['en', en],
        ] as const) {
          if (!exists(key, messages)) missing.push(`${path}: ${key} (${locale})`)
        }
      }
    }
    assert.isAbove(used.size, 500)
    assert.includeMembers(
      [...used],
      [
        'validator.shared.messages.oneZone',
        'validator.shared.messages.cartQuantityLimit',
        'validator.shared.messages.too_many_pixels',
        'emails.order_placed.subject',
        'shipping.breakdown.${line.code}',
        'messages.audit.actions.order.placed',
      ]
    )
    assert.deepEqual([...new Set(missing)], [])
  })

  test("the framework's own refusals are translated (errors.*)", async ({ assert }) => {
    const ko = await messagesOf('ko')
    const en = await messagesOf('en')
    const identifiers = new Set<string>()
    for (const { text } of await sources('node_modules/@adonisjs', ['.js'])) {
      for (const [, key] of text.matchAll(/identifier = "(errors\.E_[A-Z_]+)"/g)) {
        identifiers.add(key)
      }
      // The session flashes a summary of a refused form under the error's code.
      if (text.includes('i18n.t(`errors.${error.code}`'))
        identifiers.add('errors.E_VALIDATION_ERROR')
    }
    assert.includeMembers(
      [...identifiers],
      ['errors.E_UNAUTHORIZED_ACCESS', 'errors.E_VALIDATION_ERROR']
    )
    const missing = [...identifiers].filter((key) => !ko.has(key) || !en.has(key))
    assert.deepEqual(missing, [])
  })
})
