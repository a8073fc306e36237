import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { actorFor } from '#audit/actor'
import { FailedJobs } from '#services/failed_jobs'
import { JOB_STATES } from '#observability/queue_inspector'

/** The queue page: jobs per queue and state, and what to do with the failed ones. */
@inject()
export default class QueueController {
  constructor(protected jobs: FailedJobs) {}

  async index({ view }: HttpContext) {
    return view.render('pages/admin/queue', { ...(await this.jobs.overview()), states: JOB_STATES })
  }

  async retry(ctx: HttpContext) {
    return this.#act(ctx, 'retry')
  }

  async discard(ctx: HttpContext) {
    return this.#act(ctx, 'discard')
  }

  /** A job another operator already retried or discarded is reported, not an error page. */
  async #act({ params, auth, response, session, i18n }: HttpContext, action: 'retry' | 'discard') {
    const actor = actorFor(auth.getUserOrFail())
    const job = await this.jobs[action](params.queue, params.jobId, actor)
    if (!job) {
      session.flash('error', i18n.t('back_office.queue.gone'))
    } else {
      const message = action === 'retry' ? 'retried' : 'discarded'
      session.flash('success', i18n.t(`back_office.queue.${message}`, { name: job.name }))
    }
    return response.redirect().toRoute('admin.queue.index')
  }
}
