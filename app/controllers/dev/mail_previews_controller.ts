import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { mailPreviews } from '#config/mail'
import { MailPreviewStore } from '../../mails/mail_preview_store.js'

/**
 * The development mail browser: messages the preview mailer kept instead of
 * sending. Its routes exist only under `node ace serve` (start/routes/dev.ts).
 */
export default class MailPreviewsController {
  #store = new MailPreviewStore(mailPreviews)

  async index({ view }: HttpContext) {
    return view.render('pages/dev/mail_previews/index', { previews: await this.#store.list() })
  }

  /** Headers and the HTML body in a sandboxed frame, or the text body with ?format=text. */
  async show({ params, request, view }: HttpContext) {
    const preview = await this.#find(params.id)
    const format = request.input('format') === 'text' ? 'text' : 'html'
    return view.render('pages/dev/mail_previews/show', { preview, format })
  }

  /**
   * The HTML body alone, framed by `show`. Its own policy lets the email's
   * inline styles apply while still refusing scripts and remote content.
   */
  async html({ params, response }: HttpContext) {
    const preview = await this.#find(params.id)
    response.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data: cid:; frame-ancestors 'self'"
    )
    response.header('X-Frame-Options', 'SAMEORIGIN')
    return response.type('text/html').send(preview.html ?? '')
  }

  async #find(id: string) {
    const preview = await this.#store.find(id)
    if (!preview) throw new Exception(`Mail preview "${id}" not found`, { status: 404 })
    return preview
  }
}
