import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { CategoryInput } from '#services/catalog/category_service'

/**
 * Sets a new store up without SQL: its name, currency and default language
 * (saved in the database, where the app reads them in preference to
 * STORE_NAME, STORE_CURRENCY and DEFAULT_LOCALE), its first categories, and
 * its first admin when it has none. In a terminal it asks for what the flags
 * leave out; otherwise the flags drive it and the admin's password is the
 * first line of standard input. All of it is written in one transaction, or
 * nothing is.
 *
 *   printf '%s\n' "$PASSWORD" | node ace store:setup --name=한빛상회 --currency=KRW --locale=ko \
 *     --category="의류:Clothing" --category="식품:Food" --admin-email=owner@shop.kr --admin-name=홍길동
 */
export default class StoreSetup extends BaseCommand {
  static commandName = 'store:setup'
  static description =
    "Set up the store's name, currency, language, first categories and first admin"
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Store name' })
  declare name?: string

  @flags.string({ description: 'Currency prices are entered in (ISO 4217, e.g. KRW)' })
  declare currency?: string

  @flags.string({ description: 'Default language: ko or en' })
  declare locale?: string

  @flags.array({ description: 'A category as "한국어 이름:English name" (repeatable)' })
  declare category?: string[]

  @flags.string({ description: "The first admin's email (when the store has no admin)" })
  declare adminEmail?: string

  @flags.string({ description: "The first admin's name (when the store has no admin)" })
  declare adminName?: string

  async run() {
    const { readPassword, reportInvalidInput } = await import('#services/console_input')
    const { signupValidator } = await import('#validators/auth')
    const { categoryValidator } = await import('#validators/admin')
    const { storeSettingsValidator } = await import('#validators/store_setup')
    const { savedStoreSettings } = await import('#services/store_settings')
    const { default: StoreSetupService } = await import('#services/store_setup_service')
    const setup = await this.app.container.make(StoreSetupService)
    const interactive = Boolean(process.stdin.isTTY)

    const current = (await savedStoreSettings()) ?? {
      name: this.app.config.get<string>('store.name'),
      currency: this.app.config.get<string>('store.currency'),
      locale: this.app.config.get<string>('i18n.defaultLocale'),
    }
    const ask = (flag: string | undefined, title: string, fallback: string) =>
      flag ?? (interactive ? this.prompt.ask(title, { default: fallback }) : fallback)

    try {
      const settings = await storeSettingsValidator.validate({
        name: await ask(this.name, 'Store name', current.name),
        currency: await ask(this.currency, 'Currency (ISO 4217)', current.currency),
        locale:
          this.locale ??
          (interactive
            ? await this.prompt.choice('Default language', ['ko', 'en'], {
                default: current.locale,
              })
            : current.locale),
      })

      const categories: CategoryInput[] = []
      for (const entry of this.category ?? (interactive ? await this.#askCategories() : [])) {
        categories.push(await categoryValidator.validate(categoryFrom(entry)))
      }

      let admin
      if (!(await setup.hasAdmin())) {
        const email = this.adminEmail ?? (interactive ? await this.prompt.ask('Admin email') : '')
        const name = this.adminName ?? (interactive ? await this.prompt.ask('Admin name') : '')
        if (!email || !name) {
          this.logger.error(
            'The store has no admin yet: give --admin-email and --admin-name, and the password on standard input'
          )
          this.exitCode = 1
          return
        }
        const password = await readPassword(this, 'Admin password')
        if (password === null) {
          this.logger.error('The two passwords differ; nothing was written')
          this.exitCode = 1
          return
        }
        admin = await signupValidator.validate({ email, name, password })
      } else if (this.adminEmail) {
        this.logger.info(
          'The store already has an admin: --admin-email is not used (node ace admin:create adds more)'
        )
      }

      const result = await setup.setUp({ settings, categories, admin })
      this.logger.success(`Store "${settings.name}" (${settings.currency}, ${settings.locale})`)
      for (const category of result.categories) {
        this.logger.success(`Category ${category.name} / ${category.nameEn} (${category.slug})`)
      }
      if (result.admin) this.logger.success(`Admin ${result.admin.email} (#${result.admin.id})`)
    } catch (error) {
      reportInvalidInput(this, error)
      this.logger.error('Nothing was written')
    }
  }

  async #askCategories() {
    const entries: string[] = []
    for (;;) {
      const entry = await this.prompt.ask(
        'Category as "한국어 이름:English name" (empty to finish)',
        {
          default: '',
        }
      )
      if (!entry.trim()) return entries
      entries.push(entry)
    }
  }
}

/** "의류:Clothing" → 의류 / Clothing, slug clothing (from the English name). */
function categoryFrom(entry: string) {
  const [name = '', nameEn = '', ...rest] = entry.split(':').map((part) => part.trim())
  const slug = nameEn
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // A missing part fails the category validator with the field's name.
  return rest.length ? { name, nameEn: '', slug } : { name, nameEn, slug }
}
