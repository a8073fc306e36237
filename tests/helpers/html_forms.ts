/**
 * Reads the forms of a rendered page the way a browser submits them: which
 * named controls belong to which form, which belong to none (their value is
 * never posted), and which fields a form posts twice. A small tag reader for
 * the HTML our templates write, not a general HTML parser.
 */

export type Attributes = Record<string, string>

export interface FormControl {
  tag: 'input' | 'select' | 'textarea' | 'button'
  name: string
  attributes: Attributes
}

export interface PageForm {
  attributes: Attributes
  controls: FormControl[]
}

export interface PageForms {
  forms: PageForm[]
  /** Named controls outside every form and pointing at none: never submitted. */
  outside: FormControl[]
  /** A <form> opened inside another one, which browsers drop. */
  nested: Attributes[]
}

const CONTROLS = new Set(['input', 'select', 'textarea', 'button'])
// Inert or non-HTML content: nothing in it is part of the page's forms.
const SKIPPED = ['script', 'style', 'template']
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g
const ATTRIBUTE = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g

function decode(value: string) {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}

function attributesOf(source: string): Attributes {
  const attributes: Attributes = {}
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes[match[1].toLowerCase()] = decode(match[2] ?? match[3] ?? match[4] ?? '')
  }
  return attributes
}

/** The forms of `html`, their named controls, and the controls no form owns. */
export function formsOf(html: string): PageForms {
  const forms: PageForm[] = []
  const outside: FormControl[] = []
  const nested: Attributes[] = []
  let open: PageForm | null = null
  let skipUntil: string | null = null
  const byId = new Map<string, PageForm>()
  const pointing: FormControl[] = []

  for (const match of html.matchAll(TAG)) {
    const [, closing, rawTag, rawAttributes] = match
    if (!rawTag) continue
    const tag = rawTag.toLowerCase()
    if (skipUntil) {
      if (closing && tag === skipUntil) skipUntil = null
      continue
    }
    if (!closing && SKIPPED.includes(tag)) {
      skipUntil = tag
      continue
    }
    if (tag === 'form') {
      if (closing) {
        open = null
      } else if (open) {
        nested.push(attributesOf(rawAttributes))
      } else {
        open = { attributes: attributesOf(rawAttributes), controls: [] }
        forms.push(open)
        if (open.attributes.id) byId.set(open.attributes.id, open)
      }
      continue
    }
    if (closing || !CONTROLS.has(tag)) continue
    const attributes = attributesOf(rawAttributes)
    if (!attributes.name) continue
    const control = { tag: tag as FormControl['tag'], name: attributes.name, attributes }
    if (attributes.form) pointing.push(control)
    else if (open) open.controls.push(control)
    else outside.push(control)
  }
  for (const control of pointing) {
    const owner = byId.get(control.attributes.form)
    if (owner) owner.controls.push(control)
    else outside.push(control)
  }
  return { forms, outside, nested }
}

/**
 * Fields a form would post more than one value for, by accident: several
 * controls with one name, unless they are one radio group, alternative
 * submit buttons, or a list field (`ids[]`).
 */
export function duplicateFields(form: PageForm): string[] {
  const byName = new Map<string, FormControl[]>()
  for (const control of form.controls) {
    byName.set(control.name, [...(byName.get(control.name) ?? []), control])
  }
  const isRadio = (control: FormControl) => control.attributes.type === 'radio'
  const isButton = (control: FormControl) =>
    control.tag === 'button' || ['submit', 'image'].includes(control.attributes.type)
  return [...byName]
    .filter(([name, controls]) => {
      if (controls.length < 2 || name.endsWith('[]')) return false
      return !controls.every(isRadio) && !controls.every(isButton)
    })
    .map(([name]) => name)
}
