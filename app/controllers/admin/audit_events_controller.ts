import type { HttpContext } from '@adonisjs/core/http'
import { typedDay } from '#formatting/store_time'
import { auditFilterValidator } from '#validators/admin'
import { auditActions, searchAuditLog } from '#audit/audit_query'
import { listFilters } from '#validators/list_filters'

/** Browsing the audit log with filters (admins only). */
export default class AuditEventsController {
  async index(ctx: HttpContext) {
    const { request, view } = ctx
    const filters = await listFilters(auditFilterValidator, ctx)
    const events = await searchAuditLog({
      ...filters,
      from: filters.from && typedDay(filters.from),
      to: filters.to && typedDay(filters.to),
    })
    events.baseUrl(request.url())
    events.queryString({ ...request.qs(), page: undefined })
    return view.render('pages/admin/audit', {
      events,
      filters: { ...request.qs() },
      actions: await auditActions(),
    })
  }
}
