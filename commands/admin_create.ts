import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Creates an admin account without SQL, e.g. the store's first one. The
 * password comes from standard input (piped) or a hidden prompt, never from
 * the command line, and follows the sign-up form's rules.
 *
 *   printf '%s\n' "$PASSWORD" | node ace admin:create --email=owner@shop.kr --name=홍길동
 */
export default class AdminCreate extends BaseCommand {
  static commandName = 'admin:create'
  static description = 'Create an admin account (password from standard input or a hidden prompt)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Email the admin signs in with', required: true })
  declare email: string

  @flags.string({ description: "The admin's name", required: true })
  declare name: string

  async run() {
    const { readPassword, reportInvalidInput } = await import('#services/console_input')
    const { signupValidator } = await import('#validators/auth')
    const { default: StoreSetupService } = await import('#services/store_setup_service')

    const password = await readPassword(this, 'Password')
    if (password === null) {
      this.logger.error('The two passwords differ; nothing was created')
      this.exitCode = 1
      return
    }
    try {
      const input = await signupValidator.validate({
        email: this.email,
        name: this.name,
        password,
      })
      const setup = await this.app.container.make(StoreSetupService)
      const admin = await setup.createAdmin(input)
      this.logger.success(`Created admin ${admin.email} (#${admin.id})`)
    } catch (error) {
      reportInvalidInput(this, error)
      this.logger.error('Nothing was created')
    }
  }
}
