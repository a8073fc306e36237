import edge from 'edge.js'
import i18nManager from '@adonisjs/i18n/services/main'
import type { Message } from '@adonisjs/mail'
import storeConfig from '#config/store'
import { formatMoney } from '#services/money'
import { formatDateTime } from '#formatting/store_time'
import { countryName } from '#formatting/country_names'
import type { MailAddress, MailLocale } from './order_mail_data.js'

/**
 * Formatting helpers handed to email templates, bound to the mail's language
 * and currency: `fmt.money(12900)` → ₩12,900, `fmt.dateTime(iso)` (in the
 * store's time zone, exactly as pages show it), `fmt.addressLines(address)`.
 */
export function mailFormat(locale: MailLocale, currency: string) {
  return {
    money: (minor: number, inCurrency: string = currency) => formatMoney(minor, inCurrency, locale),
    dateTime: (iso: string) => formatDateTime(iso, locale),
    addressLines: (address: MailAddress) => addressLines(address, locale),
  }
}

/** An address as the lines of a label, in the order each language writes them. */
function addressLines(address: MailAddress, locale: MailLocale) {
  const place = [address.city, address.region].filter(Boolean).join(', ')
  const country = countryName(address.country, locale)
  const lines =
    locale === 'ko'
      ? [`(${address.postalCode}) ${address.line1}`, address.line2, place, country]
      : [
          address.line1,
          address.line2,
          [place, address.postalCode].filter(Boolean).join(' '),
          country,
        ]
  return lines.filter((line): line is string => Boolean(line))
}

/** What one mail class hands to composeMail. */
export interface ComposeOptions {
  /** Base name under resources/views/emails/: `order_placed` renders order_placed_html and _text. */
  view: string
  locale: MailLocale
  currency: string
  /** Translation key under emails.json and its ICU parameters (`store` is added). */
  subject: [key: string, params?: Record<string, string>]
  data: Record<string, unknown>
}

/**
 * Sets a mail's subject and renders its HTML and text bodies right away, in
 * the recipient's language. Rendering before queueing keeps the queued job a
 * finished message (plain JSON, no translator or template state to carry) and
 * makes what the preview shows exactly what was sent.
 */
export async function composeMail(message: Message, options: ComposeOptions) {
  const i18n = i18nManager.locale(options.locale)
  const [key, params] = options.subject
  message.subject(i18n.t(`emails.${key}`, { store: storeConfig.name, ...params }))

  const state = {
    ...options.data,
    locale: options.locale,
    store: { name: storeConfig.name },
    i18n,
    fmt: mailFormat(options.locale, options.currency),
  }
  message.html(await edge.render(`emails/${options.view}_html`, state))
  message.text(plainText(await edge.render(`emails/${options.view}_text`, state)))
}

/**
 * Text templates (and their parts) wrap their body in <pre> so the formatter
 * leaves their line breaks alone; drop the wrappers, the template indentation
 * and runs of blank lines.
 */
function plainText(rendered: string) {
  return rendered
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '<pre>' && line !== '</pre>')
    .map((line) => line.replace(/^<pre>/, '').replace(/<\/pre>$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .concat('\n')
}
