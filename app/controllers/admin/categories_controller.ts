import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import CategoryService from '#services/catalog/category_service'
import { categoryValidator } from '#validators/admin'
import { actorFor } from '#audit/actor'

/** Managing the category tree. */
@inject()
export default class CategoriesController {
  constructor(protected categories: CategoryService) {}

  async index({ view }: HttpContext) {
    return view.render('pages/admin/categories', { nodes: await this.categories.flat() })
  }

  async store({ auth, request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(categoryValidator)
    await this.categories.create(input, actorFor(auth.getUserOrFail()))
    session.flash('success', i18n.t('messages.admin.category_saved'))
    return response.redirect().toRoute('admin.categories.index')
  }

  async update({ params, auth, request, response, session, i18n }: HttpContext) {
    const category = await Category.findOrFail(params.id)
    const input = await request.validateUsing(categoryValidator)
    await this.categories.update(category, input, actorFor(auth.getUserOrFail()))
    session.flash('success', i18n.t('messages.admin.category_saved'))
    return response.redirect().toRoute('admin.categories.index')
  }

  async destroy({ params, auth, response, session, i18n }: HttpContext) {
    const category = await Category.findOrFail(params.id)
    await this.categories.delete(category, actorFor(auth.getUserOrFail()))
    session.flash('success', i18n.t('messages.admin.category_deleted'))
    return response.redirect().toRoute('admin.categories.index')
  }
}
