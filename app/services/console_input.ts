import { errors } from '@vinejs/vine'
import type { BaseCommand } from '@adonisjs/core/ace'

/**
 * A password for an Ace command, never from its arguments (they show in `ps`
 * and in the shell's history): the first line of standard input when it is
 * piped, else a hidden prompt asked twice. Null when the two differ.
 */
export async function readPassword(command: BaseCommand, label: string): Promise<string | null> {
  if (process.stdin.isTTY) {
    const password = await command.prompt.secure(label)
    const again = await command.prompt.secure(`${label} (again)`)
    return password === again ? password : null
  }
  let text = ''
  for await (const chunk of process.stdin) text += chunk
  return text.split(/\r?\n/)[0]
}

/**
 * Prints a validation error as one line per field and marks the command
 * failed. Any other error is thrown on.
 */
export function reportInvalidInput(command: BaseCommand, error: unknown, prefix = '') {
  if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
  for (const { field, message } of error.messages as { field: string; message: string }[]) {
    command.logger.error(`${prefix}${field}: ${message}`)
  }
  command.exitCode = 1
}
