import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
test('probe', async ({ client }) => {
  await testUtils.db().withGlobalTransaction()
  const category = await CategoryFactory.create()
  const { owner, seller } = await createSellerOwner()
  const p = await createProduct(seller, category, { prices: [1, 2] })
  const [a, b] = p.variants
  const r = await client.patch(`/api/v1/seller/products/${p.id}`).json({ variants: [
    { id: a.id, sku: b.sku, price: 1, stock: 1, options: a.options }, { id: b.id, sku: a.sku, price: 1, stock: 1, options: b.options }] }).withGuard('api').loginAs(owner)
  console.log(r.status(), JSON.stringify(r.body()))
  const r2 = await client.get(`/api/v1/seller/products/abc`).withGuard('api').loginAs(owner)
  console.log(r2.status(), JSON.stringify(r2.body()))
  const r3 = await client.post(`/api/v1/seller/products`).header('content-type','application/json').withGuard('api').loginAs(owner)
  console.log(r3.status(), JSON.stringify(r3.body()))
})
