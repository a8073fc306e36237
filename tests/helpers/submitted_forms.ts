/**
 * Reads the forms and links of a page rendered by the app, the way a browser
 * would submit and follow them: attribute values quoted or bare, escaped as
 * Edge escapes them. Enough for the pages this app renders, not for any HTML.
 */

/** A form as the browser submits it with one of its submit buttons. */
export interface PageForm {
  method: 'GET' | 'POST'
  /** The action as written, `?_method=PUT` included. */
  action: string
  multipart: boolean
  /** Name and value of every field that would be sent, in document order. */
  fields: [string, string][]
  /** Fields that hold numbers (type="number", or a numeric value). */
  numeric: Set<string>
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Undoes Edge's HTML escaping. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (entity, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(code.slice(2), 16))
    }
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)))
    return ENTITIES[code.toLowerCase()] ?? entity
  })
}

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>()
  // As browsers do, the first of two attributes with one name wins.
  for (const [, name, quoted, bare] of source.matchAll(
    /([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|([^\s"'>]+)))?/g
  )) {
    if (!found.has(name.toLowerCase())) {
      found.set(name.toLowerCase(), unescapeHtml(quoted ?? bare ?? ''))
    }
  }
  return found
}

function selectValue(options: string): string {
  const all = [...options.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map(
    ([, attrs, label]) => {
      const parsed = attributes(attrs)
      return {
        value: parsed.get('value') ?? unescapeHtml(label.trim()),
        selected: parsed.has('selected'),
      }
    }
  )
  return (all.find((option) => option.selected) ?? all[0])?.value ?? ''
}

interface Field {
  at: number
  name: string
  value: string
  numeric: boolean
}

interface Button {
  at: number
  name?: string
  value: string
  action?: string
}

/**
 * The fields of one form body and its submit buttons. A field holds a number
 * when it is a number input, or a hidden input or select whose value is one
 * (ids, versions); text inputs that happen to hold digits are text.
 */
function controlsOf(body: string) {
  const fields: Field[] = []
  const buttons: Button[] = []
  for (const match of body.matchAll(/<(input|textarea|select|button)\b([^>]*)>/gi)) {
    const tag = match[1].toLowerCase()
    const attrs = attributes(match[2])
    const name = attrs.get('name')
    const type = (attrs.get('type') ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase()
    const at = match.index!
    if (attrs.has('disabled')) continue
    if (type === 'submit') {
      buttons.push({ at, name, value: attrs.get('value') ?? '', action: attrs.get('formaction') })
      continue
    }
    if (!name || ['button', 'file', 'image', 'reset'].includes(type)) continue
    if ((type === 'checkbox' || type === 'radio') && !attrs.has('checked')) continue
    let value = attrs.get('value') ?? (type === 'checkbox' ? 'on' : '')
    const rest = body.slice(at + match[0].length)
    if (tag === 'textarea') value = unescapeHtml(rest.slice(0, rest.search(/<\/textarea>/i)))
    if (tag === 'select') value = selectValue(rest.slice(0, rest.search(/<\/select>/i)))
    const numeric =
      type === 'number' || ((type === 'hidden' || tag === 'select') && /^\d+$/.test(value))
    fields.push({ at, name, value, numeric })
  }
  return { fields, buttons }
}

/** Every way a page's forms can be submitted: one per submit button (its name, value and formaction). */
export function formsOf(html: string): PageForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].flatMap(([, attrs, body]) => {
    const form = attributes(attrs)
    const { fields, buttons } = controlsOf(body)
    return (buttons.length ? buttons : [{ at: 0, value: '' } as Button]).map((button) => {
      const sent = button.name
        ? [...fields, { ...button, name: button.name, numeric: false }]
        : fields
      sent.sort((a, b) => a.at - b.at)
      return {
        method: form.get('method')?.toUpperCase() === 'POST' ? ('POST' as const) : ('GET' as const),
        action: button.action ?? form.get('action') ?? '',
        multipart: form.get('enctype') === 'multipart/form-data',
        fields: sent.map((field): [string, string] => [field.name, field.value]),
        numeric: new Set(sent.filter((field) => field.numeric).map((field) => field.name)),
      }
    })
  })
}

/** Every link of a page to a path of this app (no other hosts, no fragments). */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)]
    .map(([, href]) => unescapeHtml(href).split('#')[0])
    .filter((href) => href.startsWith('/') && !href.startsWith('//'))
}
