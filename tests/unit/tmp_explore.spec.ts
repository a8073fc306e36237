import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { InternationalZonesPolicy } from '#shipping/policies/international_zones_policy'
import { hostileInputs } from '#tests/helpers/hostile_inputs'
test('explore', async () => {
  const p = new InternationalZonesPolicy({ homeCountry: 'KR' })
  const v = vine.create(p.schema) as any
  for (const input of hostileInputs(v.toJSON())) {
    try { await v.validate(input) } catch (e: any) { console.log(JSON.stringify(input).slice(0,150), JSON.stringify(e.messages.map((m: any) => m.field + ':' + m.rule))) }
  }
})
