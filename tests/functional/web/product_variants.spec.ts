import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createVariantListing } from '#tests/helpers/commerce'
import { duplicateFields, formsOf } from '#tests/helpers/html_forms'

/** The text a screen reader announces for each variant choice, in page order. */
function variantLabels(html: string) {
  const labels = html.match(/<label[^>]*data-test="variant"[^>]*>[\s\S]*?<\/label>/g) ?? []
  return labels.map((label) =>
    label
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

test.group('Storefront | choosing a variant on the product page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the variants are one radio group inside the add-to-cart form', async ({
    client,
    assert,
  }) => {
    const { product, variants } = await createVariantListing([
      { options: { 사이즈: 'S', 색상: '화이트' }, price: 30_000, stock: 0 },
      { options: { 사이즈: 'M', 색상: '블랙' }, price: 31_000, stock: 2 },
      { options: { 사이즈: 'L', 색상: '블루' }, price: 32_000, stock: 9 },
    ])

    const response = await client.get(`/products/${product.slug}`)
    response.assertStatus(200)
    const page = formsOf(response.text())
    assert.deepEqual(page.outside, [], 'every named control is inside a form')
    assert.deepEqual(page.nested, [])
    const form = page.forms.find((candidate) => candidate.attributes['data-test'] === 'add-to-cart')
    assert.exists(form)
    assert.deepEqual(duplicateFields(form!), [])

    const choices = form!.controls.filter((control) => control.name === 'variantId')
    assert.deepEqual(
      choices.map((control) => [control.tag, control.attributes.type, control.attributes.value]),
      variants.map((variant) => ['input', 'radio', String(variant.id)])
    )
    const checked = choices.filter((control) => 'checked' in control.attributes)
    assert.deepEqual(
      checked.map((control) => control.attributes.value),
      [String(variants[1].id)],
      'the first variant in stock starts checked'
    )
    assert.property(choices[0].attributes, 'disabled')
    assert.notProperty(choices[1].attributes, 'disabled')
    assert.notProperty(choices[2].attributes, 'disabled')
    assert.deepEqual(
      form!.controls.map((control) => control.name),
      ['_csrf', 'variantId', 'variantId', 'variantId', 'quantity']
    )
    assert.deepEqual(variantLabels(response.text()), [
      'S / 화이트 ₩30,000 품절',
      'M / 블랙 ₩31,000 2개 남음',
      'L / 블루 ₩32,000 재고 있음',
    ])
  })

  test('a sold-out product offers no variant checked and no button to press', async ({
    client,
    assert,
  }) => {
    const { product } = await createVariantListing([
      { options: { 사이즈: 'S' }, price: 30_000, stock: 0 },
      { options: { 사이즈: 'M' }, price: 30_000, stock: 0 },
    ])

    const response = await client.get(`/products/${product.slug}`)
    const form = formsOf(response.text()).forms.find(
      (candidate) => candidate.attributes['data-test'] === 'add-to-cart'
    )!
    const choices = form.controls.filter((control) => control.name === 'variantId')
    assert.lengthOf(choices, 2)
    for (const choice of choices) {
      assert.property(choice.attributes, 'disabled')
      assert.notProperty(choice.attributes, 'checked')
    }
    assert.match(response.text(), /<button type="submit" class="primary"\s+disabled\s*>/)
  })
})
