import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { SavedMethods } from '#services/payments/saved_methods'
import { PaymentProviderUnavailableException } from '#payments/errors'
import { actorFor } from '#audit/actor'

/**
 * The customer's saved payment methods on the account page: what is kept
 * for one-click checkout, and removing it (at the provider too). Only the
 * signed-in customer's own methods are ever listed or removed.
 */
@inject()
export default class PaymentMethodsController {
  constructor(protected savedMethods: SavedMethods) {}

  async index({ auth, view }: HttpContext) {
    const methods = await this.savedMethods.list(auth.getUserOrFail())
    const manager = this.savedMethods.manager
    return view.render('pages/account/payment_methods', {
      methods: methods.map((method) => ({
        method,
        label: manager.has(method.adapter) ? manager.use(method.adapter).label : null,
      })),
    })
  }

  async destroy({ auth, params, response, session, i18n }: HttpContext) {
    try {
      const user = auth.getUserOrFail()
      await this.savedMethods.remove(user, Number(params.id), actorFor(user))
      session.flash('success', i18n.t('payments_saved.removed'))
    } catch (error) {
      if (!(error instanceof PaymentProviderUnavailableException)) throw error
      session.flash('error', i18n.t('payments_saved.unavailable'))
    }
    return response.redirect().toRoute('account.payment_methods.index')
  }
}
