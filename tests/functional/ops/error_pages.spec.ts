import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import CatalogService from '#services/catalog/catalog_service'
import { UserFactory } from '#database/factories/index'

const INTERNAL = 'relation "secret_table" does not exist'

/** The front page fails the way a broken database would make it fail. */
function breakTheFrontPage(cleanup: (fn: () => void) => void) {
  class BrokenCatalog extends CatalogService {
    async featured(): Promise<never> {
      throw new Error(INTERNAL)
    }
  }
  app.container.swap(CatalogService, () => app.container.make(BrokenCatalog))
  cleanup(() => app.container.restore(CatalogService))
}

test.group('Error pages | a server error shows its details to admins only', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a visitor and a customer get the error page, without the message or the stack', async ({
    client,
    assert,
    cleanup,
  }) => {
    breakTheFrontPage(cleanup)
    const customer = await UserFactory.create()
    for (const request of [client.get('/'), client.get('/').loginAs(customer)]) {
      const response = await request.header('accept', 'text/html')
      response.assertStatus(500)
      response.assertTextIncludes('문제가 발생했습니다')
      assert.notInclude(response.text(), INTERNAL)
      assert.notInclude(response.text(), 'catalog_service')
    }
  })

  test('a page asked for JSON says only that something went wrong', async ({
    client,
    assert,
    cleanup,
  }) => {
    breakTheFrontPage(cleanup)
    const response = await client.get('/').header('accept', 'application/json')
    response.assertStatus(500)
    assert.deepEqual(response.body(), { message: 'Something went wrong on our side' })
  })

  test('a signed-in admin sees the stack outside production', async ({ client, cleanup }) => {
    breakTheFrontPage(cleanup)
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/').header('accept', 'text/html').loginAs(admin)
    response.assertStatus(500)
    response.assertTextIncludes(INTERNAL)
  })
})
