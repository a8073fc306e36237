import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Commands that drop tables or rows wholesale. A dropped production table is
 * the incident this store must never repeat, so they run only with --force.
 */
export const DESTRUCTIVE_COMMANDS = new Set([
  'migration:fresh',
  'migration:refresh',
  'migration:reset',
  'migration:rollback',
  'db:wipe',
  'db:truncate',
])

/**
 * Makes destructive database commands refuse to run without an explicit
 * --force flag (outside the test environment, where suites reset freely).
 */
export async function guardDestructiveCommands(app: ApplicationService) {
  if (app.inTest) return
  const ace = await app.container.make('ace')
  ace.executing((command, isMainCommand) => {
    const name = (command.constructor as { commandName?: string }).commandName ?? ''
    if (!isMainCommand || !DESTRUCTIVE_COMMANDS.has(name)) return
    if ((command as unknown as { force?: boolean }).force) return
    throw new Error(
      `Refusing to run "${name}" without --force: it destroys data in the "${process.env.DB_CONNECTION ?? 'sqlite'}" database. ` +
        `Re-run as "node ace ${name} --force" if you really mean it.`
    )
  })
}
