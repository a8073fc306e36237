import type { I18n } from '@adonisjs/i18n'
import type { BreakdownLine } from '#shipping/types'

/**
 * One breakdown line in the reader's language, for pages and emails alike:
 * the translation of its code (shipping.breakdown.<code>) followed by its
 * details when the line carries them ("무게별 배송비 (2,000g 이하)"). A code
 * no lang file knows (a plugin's policy) keeps the policy's own label.
 */
export function breakdownLabel(i18n: I18n, line: Pick<BreakdownLine, 'code' | 'label' | 'params'>) {
  const key = `shipping.breakdown.${line.code}`
  if (!i18n.resolveIdentifier(key)) return line.label
  const label = i18n.t(key)
  const detailKey = `shipping.breakdown_detail.${line.code}`
  if (!line.params || !i18n.resolveIdentifier(detailKey)) return label
  return `${label} (${i18n.t(detailKey, line.params)})`
}
