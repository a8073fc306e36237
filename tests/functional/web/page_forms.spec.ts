import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import SellerIdentityChange from '#models/seller_identity_change'
import SellerProfileService from '#services/seller_profile_service'
import { actorFor } from '#audit/actor'
import { settingsForm } from '#tests/functional/seller/settings_helpers'
import testUtils from '@adonisjs/core/services/test_utils'
import router from '@adonisjs/core/services/router'
import { QueueManager } from '@adonisjs/queue'
import Address from '#models/address'
import Category from '#models/category'
import SellerMember from '#models/seller_member'
import User from '#models/user'
import type { SessionData } from '@adonisjs/session/types'
import { UserFactory } from '#database/factories/index'
import { createVariantListing, koreanAddress } from '#tests/helpers/commerce'
import { cartWith, guestSession, holdingKey, placedOrder } from '#tests/helpers/shop'
import { duplicateFields, formsOf } from '#tests/helpers/html_forms'

/**
 * Pages left out of the walk, and why. Everything else the web router
 * answers to GET must be in the walk, so a new page is checked too.
 */
const NOT_WALKED: Record<string, string> = {
  '/payments/stripe/:attemptId': "a provider's page: its fields live in the provider's iframe",
  '/payments/toss/:attemptId': "a provider's page: a button that opens the provider's window",
  '/payments/naverpay/:attemptId': "a provider's page: a button that opens the provider's window",
  '/payments/:attemptId/return': 'a redirect back from a provider, not a page',
  '/seller/products/:id/media': 'JSON for the uploader script',
  '/metrics': "Prometheus's text for a scraper, not a page",
}

/** GET patterns of the HTML pages (not the API, health probes or development tools). */
function webPages() {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => route.methods.includes('GET'))
    .map((route) => route.pattern)
    .filter((pattern) => !/^\/(api|health|dev|media)(\/|$)/.test(pattern))
}

/** One of everything a page may show: a shop, products, a customer, a placed order. */
async function shopWithEverything() {
  const admin = await UserFactory.apply('admin').create()
  const placed = await placedOrder({ paymentMethod: 'test_card' })
  const member = await SellerMember.findByOrFail('sellerId', placed.seller.id)
  const sellerOwner = await User.findOrFail(member.userId)
  const category = await Category.findOrFail(placed.product.categoryId)
  const { product: picker, variants } = await createVariantListing([
    { options: { 사이즈: 'S' }, price: 30_000, stock: 0 },
    { options: { 사이즈: 'M' }, price: 31_000, stock: 3 },
  ])
  const customer = await UserFactory.create()
  const { name, ...address } = koreanAddress()
  await Address.create({ ...address, recipient: name, userId: customer.id })
  await cartWith([{ variantId: variants[1].id, quantity: 1 }], customer)
  const guestCart = await cartWith([{ variantId: variants[1].id, quantity: 1 }])

  const profiles = await app.container.make(SellerProfileService)
  await profiles.update(
    placed.seller,
    settingsForm(placed.seller, { name: '바뀐상회' }),
    actorFor(sellerOwner, { asSeller: true })
  )
  const [change] = await SellerIdentityChange.query().where('sellerId', placed.seller.id)

  const guestWithOrder = holdingKey(placed.order.number, placed.accessKey)
  const sellerOrder = placed.order.sellerOrders[0]
  return {
    '/': {},
    '/search': {},
    '/login': {},
    '/signup': {},
    '/categories/:slug': { url: `/categories/${category.slug}` },
    '/products/:slug': { url: `/products/${picker.slug}` },
    '/sellers/:slug': { url: `/sellers/${placed.seller.slug}` },
    '/cart': { session: guestSession(guestCart.id) },
    '/checkout': { session: guestSession(guestCart.id) },
    '/orders/:number': { url: `/orders/${placed.order.number}`, session: guestWithOrder },
    '/payments/test-card/:attemptId': {
      url: `/payments/test-card/${placed.payment.attemptId}`,
      session: guestWithOrder,
    },
    '/account': { user: customer },
    '/account/payment-methods': { user: customer },
    '/account/orders': { user: customer },
    '/sell': { user: customer },
    '/seller': { user: sellerOwner },
    '/seller/products': { user: sellerOwner },
    '/seller/products/create': { user: sellerOwner },
    '/seller/products/:id/edit': {
      url: `/seller/products/${placed.product.id}/edit`,
      user: sellerOwner,
    },
    '/seller/settings': { user: sellerOwner },
    '/seller/shipping': { user: sellerOwner },
    '/seller/orders': { user: sellerOwner },
    '/seller/orders/:id': { url: `/seller/orders/${sellerOrder.id}`, user: sellerOwner },
    '/admin': { user: admin },
    '/admin/sellers': { user: admin },
    '/admin/sellers/:id': { url: `/admin/sellers/${placed.seller.id}`, user: admin },
    '/admin/products': { user: admin },
    '/admin/products/:id': { url: `/admin/products/${placed.product.id}`, user: admin },
    '/admin/categories': { user: admin },
    '/admin/orders': { user: admin },
    '/admin/orders/:id': { url: `/admin/orders/${placed.order.id}`, user: admin },
    '/admin/audit': { user: admin },
    '/admin/staff': { user: admin },
    '/admin/queue': { user: admin },
    '/admin/seller-changes': { user: admin },
    '/admin/seller-changes/:id': { url: `/admin/seller-changes/${change.id}`, user: admin },
  } as Record<string, { url?: string; user?: User; session?: SessionData }>
}

test.group('Forms | every page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('every named control belongs to a form, and no form posts a field twice', async ({
    client,
    assert,
  }) => {
    const pages = await shopWithEverything()
    assert.sameMembers(
      webPages(),
      [...Object.keys(pages), ...Object.keys(NOT_WALKED)],
      'each web page is walked or left out with a reason'
    )

    for (const [pattern, page] of Object.entries(pages)) {
      let request = client.get(page.url ?? pattern).redirects(0)
      if (page.user) request = request.loginAs(page.user)
      if (page.session) request = request.withSession(page.session)
      const response = await request
      assert.equal(response.status(), 200, `${pattern} answers 200`)
      const { forms, outside, nested } = formsOf(response.text())
      assert.deepEqual(
        outside.map((control) => control.name),
        [],
        `${pattern}: controls outside any form`
      )
      assert.deepEqual(nested, [], `${pattern}: a form inside a form`)
      for (const form of forms) {
        assert.deepEqual(
          duplicateFields(form),
          [],
          `${pattern}: fields posted twice by ${form.attributes.action}`
        )
      }
    }
  })
})
