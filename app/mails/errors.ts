import { createError } from '@adonisjs/core/exceptions'

/**
 * `mail.sendLater` stores the message as JSON in the queue; a Buffer or
 * stream attachment cannot survive that.
 */
export const E_UNQUEUEABLE_MAIL = createError(
  'Cannot queue a mail with a Buffer or stream attachment. Save the file and use message.attach(path), or send it with mail.send()',
  'E_UNQUEUEABLE_MAIL',
  500
)
