import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import storeConfig from '#config/store'
import type { Alert } from '#notifiers/alerts/alert'
import type { NotifierMessage } from '#notifiers/types'

/**
 * An alert as the team reads it, in the store's default language: the
 * store and environment, what happened, how many times, and the back-office
 * page when there is one. `repeats` makes it the window's summary.
 */
export function alertMessage(
  alert: Alert,
  options: { windowMinutes: number; repeats?: number }
): NotifierMessage {
  const i18n = i18nManager.locale(i18nManager.defaultLocale)
  const what = i18n.t(`ops_alerts.${alert.kind}.title`, alert.params)
  const detail = i18n.t(`ops_alerts.${alert.kind}.text`, alert.params)
  const minutes = options.windowMinutes
  const fields = [{ label: i18n.t('ops_alerts.fields.count'), value: String(options.repeats ?? 1) }]
  if (options.repeats) {
    fields.push({
      label: i18n.t('ops_alerts.fields.window'),
      value: i18n.t('ops_alerts.fields.window_value', { minutes }),
    })
  }
  return {
    title: i18n.t('ops_alerts.title', {
      store: storeConfig.name,
      environment: app.nodeEnvironment,
      what,
    }),
    text: options.repeats
      ? `${i18n.t('ops_alerts.summary', { count: options.repeats, minutes })}\n${detail}`
      : detail,
    severity: alert.severity,
    fields,
    ...(alert.link ? { link: { label: i18n.t('ops_alerts.link'), url: alert.link } } : {}),
  }
}
