import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import ProductVariant from '#models/product_variant'
import { countRows, errorsOf, productBody } from './helpers.js'

/** `productBody` with every variant's options replaced by `options(index)`. */
function withOptions(categoryId: number, options: (index: number) => Record<string, string>) {
  const body = productBody(categoryId)
  return {
    ...body,
    variants: body.variants.map((variant, index) => ({ ...variant, options: options(index) })),
  }
}

test.group('Store API | option names are held to what the form takes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an option name that is {label} is a field error and nothing is written')
    .with([
      { label: 'empty', name: '' },
      { label: 'only spaces', name: '   ' },
      { label: 'longer than 40 characters', name: '색'.repeat(41) },
      { label: 'padded with spaces', name: ' 색상 ' },
    ])
    .run(async ({ client, assert }, { name }) => {
      const category = await CategoryFactory.create()
      const { owner } = await createSellerOwner()
      const body = withOptions(category.id, (index) => ({ [name]: index ? '화이트' : '블랙' }))

      const response = await client
        .post('/api/v1/seller/products')
        .json(body)
        .header('Accept-Language', 'en')
        .withGuard('api')
        .loginAs(owner)

      response.assertStatus(422)
      assert.deepEqual(errorsOf(response), [
        { field: 'variants.0.options', code: 'optionName' },
        { field: 'variants.1.options', code: 'optionName' },
      ])
      assert.match(response.body().errors[0].message, /1 to 40 characters/)
      assert.equal(await countRows('products'), 0)
    })

  test('more options than the form’s three columns is a field error, on update too', async ({
    client,
    assert,
  }) => {
    const category = await CategoryFactory.create()
    const { owner, seller } = await createSellerOwner()
    const product = await createProduct(seller, category)
    const before = await ProductVariant.query().where('product_id', product.id).orderBy('id')
    const four = (index: number) => ({ 가: 'a', 나: 'b', 다: 'c', 라: String(index) })

    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .json({ variants: withOptions(category.id, four).variants })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [
      { field: 'variants.0.options', code: 'record.maxLength' },
      { field: 'variants.1.options', code: 'record.maxLength' },
    ])
    const after = await ProductVariant.query().where('product_id', product.id).orderBy('id')
    assert.deepEqual(
      after.map((variant) => [variant.sku, variant.options]),
      before.map((variant) => [variant.sku, variant.options])
    )
  })

  test('names of 1 to 40 characters, up to three of them, are taken as sent', async ({
    client,
    assert,
  }) => {
    const category = await CategoryFactory.create()
    const { owner } = await createSellerOwner()
    const longest = '색'.repeat(40)
    const body = withOptions(category.id, (index) => ({
      [longest]: index ? '화이트' : '블랙',
      사이즈: 'M',
      소재: '면',
    }))

    const response = await client
      .post('/api/v1/seller/products')
      .json(body)
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(201)
    const variants = await ProductVariant.query().orderBy('id')
    assert.deepEqual(variants[0].options, { [longest]: '블랙', 사이즈: 'M', 소재: '면' })
  })
})
