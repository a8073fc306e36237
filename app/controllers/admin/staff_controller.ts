import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { UserRole } from '#models/user_role'
import StaffService from '#services/staff_service'
import { actorFor } from '#audit/actor'

/** Admins decide which staff members may move money. */
@inject()
export default class StaffController {
  constructor(protected staff: StaffService) {}

  async index({ view }: HttpContext) {
    return view.render('pages/admin/staff', { members: await this.staff.list() })
  }

  async grantMoney(ctx: HttpContext) {
    return this.#setMoneyAccess(ctx, true)
  }

  async revokeMoney(ctx: HttpContext) {
    return this.#setMoneyAccess(ctx, false)
  }

  /** Anyone but a staff member is a 404: only staff can hold the grant. */
  async #setMoneyAccess({ params, auth, response, session, i18n }: HttpContext, granted: boolean) {
    const member = await User.query()
      .where('id', params.id)
      .where('role', UserRole.Staff)
      .firstOrFail()
    const changed = await this.staff.setMoneyAccess(member, granted, actorFor(auth.getUserOrFail()))
    const outcome = changed ? (granted ? 'granted' : 'revoked') : 'unchanged'
    session.flash('success', i18n.t(`back_office.staff.${outcome}`, { name: member.fullName }))
    return response.redirect().toRoute('admin.staff.index')
  }
}
