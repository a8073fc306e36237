import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import {
  CategoryFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { countQueries } from '#tests/helpers/queries'

/** Twelve products of three sellers, each with two variants. */
async function twelveProducts(status: ProductStatus) {
  const category = await CategoryFactory.create()
  const owners = []
  for (let seller = 0; seller < 3; seller++) {
    const { owner, seller: shop } = await createSellerOwner()
    owners.push(owner)
    for (let product = 0; product < 4; product++) {
      await createProduct(shop, category, { status, prices: [10_000 + product, 20_000 + product] })
    }
  }
  return owners
}

test.group('Performance | listings cost a fixed number of queries', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('storefront search and the API product list do not grow with the page size', async ({
    client,
    assert,
  }) => {
    await twelveProducts(ProductStatus.Published)
    for (const path of ['/search', '/api/v1/products']) {
      const small = await countQueries(() => client.get(path).qs({ perPage: 2 }))
      const large = await countQueries(() => client.get(path).qs({ perPage: 12 }))
      assert.equal(large, small, path)
      assert.isAbove(small, 0, path)
      assert.isAtMost(small, 8, path)
    }
  })

  test('the review queue does not grow with the page size', async ({ client, assert }) => {
    await twelveProducts(ProductStatus.PendingReview)
    const staff = await UserFactory.apply('staff').create()
    const first = await countQueries(() => client.get('/admin/products').loginAs(staff))
    const { seller } = await createSellerOwner()
    await createProduct(seller, await CategoryFactory.create(), {
      status: ProductStatus.PendingReview,
    })
    const second = await countQueries(() => client.get('/admin/products').loginAs(staff))
    assert.isAbove(first, 0)
    assert.equal(second, first)
  })
})
