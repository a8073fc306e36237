import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Category from '#models/category'
import AuditEvent from '#models/audit_event'
import {
  CategoryFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'

test.group('Back office | categories', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('adds a subcategory and shows the tree', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const parent = await CategoryFactory.merge({
      slug: 'living',
      name: '리빙',
      nameEn: 'Living',
    }).create()
    const response = await client
      .post('/admin/categories')
      .form({ name: '주방', nameEn: 'Kitchen', slug: 'Kitchen', parentId: parent.id, position: 1 })
      .loginAs(staff)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    const kitchen = await Category.findByOrFail('slug', 'kitchen')
    assert.equal(kitchen.parentId, parent.id)
    const page = await client.get('/admin/categories').loginAs(staff)
    assert.include(page.text().replace(/\s+/g, ' '), '· 주방 / Kitchen')
    assert.exists(await AuditEvent.findBy('action', 'category.created'))
  })

  test('rejects a duplicate or malformed slug', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    await CategoryFactory.merge({ slug: 'food' }).create()
    for (const slug of ['food', 'bad slug!']) {
      const response = await client
        .post('/admin/categories')
        .header('referer', '/admin/categories')
        .form({ name: '식품', nameEn: 'Food', slug })
        .loginAs(staff)
        .withCsrfToken()
        .redirects(0)
      assert.property(response.flashMessage('inputErrorsBag'), 'slug')
    }
    assert.lengthOf(await Category.all(), 1)
  })

  test('refuses to move a category below itself', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const root = await CategoryFactory.create()
    const child = await CategoryFactory.merge({ parentId: root.id }).create()
    const response = await client
      .put(`/admin/categories/${root.id}`)
      .header('referer', '/admin/categories')
      .form({ name: root.name, nameEn: root.nameEn, slug: root.slug, parentId: child.id })
      .loginAs(staff)
      .withCsrfToken()
      .redirects(0)

    assert.deepEqual(response.flashMessage('inputErrorsBag').parentId, [
      '카테고리를 자기 하위로 옮길 수 없습니다',
    ])
    await root.refresh()
    assert.isNull(root.parentId)
  })

  test('deletes only an empty category', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { seller } = await createSellerOwner()
    const used = await CategoryFactory.create()
    await createProduct(seller, used)
    const empty = await CategoryFactory.create()

    const refused = await client
      .delete(`/admin/categories/${used.id}`)
      .loginAs(staff)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(409)
    assert.exists(await Category.find(used.id))

    const deleted = await client
      .delete(`/admin/categories/${empty.id}`)
      .loginAs(staff)
      .withCsrfToken()
      .redirects(0)
    deleted.assertStatus(302)
    assert.isNull(await Category.find(empty.id))
    assert.exists(await AuditEvent.findBy('action', 'category.deleted'))
  })
})
