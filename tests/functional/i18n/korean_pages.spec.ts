import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import { QueueManager } from '@adonisjs/queue'
import Address from '#models/address'
import type Seller from '#models/seller'
import User from '#models/user'
import SellerMember from '#models/seller_member'
import {
  UserFactory,
  CategoryFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { PARTICLE_PAIRS } from '#formatting/korean_particles'
import { OrderMailBuilder } from '#services/orders/order_mail_builder'
import { orderLinkKey } from '#services/orders/order_lookup'
import OrderPlacedMail from '#mails/order_placed_mail'
import OrderPaidMail from '#mails/order_paid_mail'
import SellerOrderShippedMail from '#mails/seller_order_shipped_mail'
import NewSellerOrderMail from '#mails/new_seller_order_mail'
import PaymentReviewMail from '#mails/payment_review_mail'
import SellerOrder from '#models/seller_order'
import { createListing, setPolicy } from '#tests/helpers/commerce'
import { cartWith, markPaid, placedOrder, savedAddress, shipAll } from '#tests/helpers/shop'
import { savedTestCard } from '#tests/helpers/payments'
import { crawl, visibleText, type CrawledPage } from '#tests/helpers/page_crawler'

/**
 * Codes that must never reach a reader as they are: payment adapter codes,
 * statuses and roles (the seller used to see `test_card` and `KR`).
 */
const RAW_CODES =
  /\b(test_card|bank_transfer|pending_payment|pending_review|purchase_confirmed|to_ship|awaiting_payment|seller_order|KR|US)\b/

/** What a Korean reader must never see in a page or an email. */
function problemsIn(where: string, html: string): string[] {
  const problems: string[] = []
  for (const pair of PARTICLE_PAIRS) {
    const at = html.indexOf(pair)
    if (at >= 0) problems.push(`${where}: "${html.slice(Math.max(0, at - 30), at + 6)}"`)
  }
  if (html.includes('translation missing')) problems.push(`${where}: a missing translation`)
  // Hints may name codes as examples of what to type ("US, CA, JP").
  const text = visibleText(html.replace(/<small class="hint">[\s\S]*?<\/small>/g, ''))
  const raw = RAW_CODES.exec(text)
  if (raw) {
    const context = text.slice(Math.max(0, raw.index - 40), raw.index + 40)
    problems.push(`${where}: shows the code "${raw[0]}" in "${context}"`)
  }
  return problems
}

/**
 * A small shop with something in every state: an approved seller with
 * published, draft, in-review and rejected products, domestic, Jeju and
 * international shipping; a seller still applying; a customer with
 * addresses at home and abroad, a saved card and orders waiting for a
 * transfer, paid and shipped; a guest's order; an admin.
 */
async function shopInEveryState() {
  const admin = await UserFactory.apply('admin').merge({ fullName: '관리자' }).create()
  const { owner, seller } = await createSellerOwner()
  await createSellerOwner('pending')
  const category = await CategoryFactory.create()
  for (const status of [ProductStatus.Draft, ProductStatus.PendingReview, ProductStatus.Rejected]) {
    await createProduct(seller, category, { status, prices: [12_000, 15_000] })
  }
  await shipsEverywhere(seller)

  const customer = await UserFactory.merge({ fullName: '김민지' }).create()
  await savedAddress(customer, { recipient: '김민지', isDefault: true })
  await Address.create({
    userId: customer.id,
    recipient: 'Minji Kim',
    phone: '+1 212 555 0100',
    country: 'US',
    postalCode: '10001',
    line1: '350 5th Ave',
    city: 'New York',
    region: 'NY',
    isDefault: false,
  })
  await savedTestCard(customer, '4242424242424242')

  const waiting = await placedOrder({ user: customer })
  const shipped = await placedOrder({ user: customer })
  await markPaid(shipped.payment)
  await shipAll(shipped.order.id)
  const jeju = await placedOrder({
    user: customer,
    paymentMethod: 'test_card',
    postalCode: '63100',
  })
  const guest = await placedOrder()
  for (const placed of [waiting, shipped, jeju, guest]) await shipsEverywhere(placed.seller)
  await cartWith([{ variantId: jeju.variant.id, quantity: 1 }], customer)
  const sellerWithOrders = await ownerOf(shipped.seller)
  return {
    admin,
    owner,
    sellerWithOrders,
    seller,
    customer,
    orders: { waiting, shipped, jeju, guest },
  }
}

/** The user who owns a seller. */
async function ownerOf(seller: Seller) {
  const member = await SellerMember.findByOrFail('sellerId', seller.id)
  return User.findOrFail(member.userId)
}

/** Weight bands at home, the Jeju surcharge and zones abroad, so every breakdown line shows. */
async function shipsEverywhere(seller: Seller) {
  await setPolicy(seller, 'domestic', 'weight_bands', {
    bands: [
      { upToGrams: 2000, amount: 3000 },
      { upToGrams: 5000, amount: 4000 },
    ],
  })
  await setPolicy(seller, 'surcharge', 'remote_area', {
    jejuAmount: 3000,
    islandAmount: 5000,
    extraRanges: [],
  })
  await setPolicy(seller, 'international', 'international_zones', {
    zones: [
      { name: '북미', countries: ['US', 'CA'], bands: [{ upToGrams: 5000, amount: 30_000 }] },
    ],
    excludedCountries: [],
  })
}

/** Records the keys the app asked for and found in no language, or only in the other one. */
function watchMissingTranslations() {
  const missing = new Set<string>()
  const listener = ({ locale, identifier }: { locale: string; identifier: string }) =>
    missing.add(`${locale}: ${identifier}`)
  emitter.on('i18n:missing:translation', listener)
  return { missing, stop: () => emitter.off('i18n:missing:translation', listener) }
}

test.group('Korean | every page, form answer and email', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => {
      mail.restore()
      QueueManager.restore()
    }
  })
  group.each.timeout(240_000)

  test('pages of guests, customers, sellers and admins read in Korean without fallbacks or codes', async ({
    client,
    assert,
  }) => {
    const shop = await shopInEveryState()
    const { listing } = { listing: await createListing({ seller: shop.seller }) }
    const guestOrder = `/orders/${shop.orders.guest.order.number}?key=${orderLinkKey(shop.orders.guest.order.number)}`
    // Sellers first: a customer's empty 구매확정 form confirms the shipped order.
    const visits: [User | null, string[]][] = [
      [shop.sellerWithOrders, ['/seller/orders', '/seller/orders?status=shipped']],
      [shop.owner, ['/seller', '/seller/products', '/seller/shipping', '/seller/settings']],
      [null, ['/', '/login', '/signup', '/cart', `/products/${listing.product.slug}`, guestOrder]],
      [
        shop.customer,
        ['/account', '/account/orders', '/account/payment-methods', '/cart', '/checkout', '/sell'],
      ],
      [
        shop.admin,
        ['/admin', '/admin/orders', '/admin/audit', '/admin/sellers', '/admin/products'],
      ],
    ]

    const watch = watchMissingTranslations()
    const pages: CrawledPage[] = []
    try {
      for (const [user, starts] of visits) {
        pages.push(...(await crawl(client, { starts, user, language: 'ko' })))
      }
    } finally {
      watch.stop()
    }

    assert.isAbove(pages.length, 60, 'the crawl reached most of the app')
    const problems = pages.flatMap((page) => problemsIn(page.url, page.html))
    const broken = pages.filter((page) => page.status >= 500).map((page) => page.url)
    assert.deepEqual(broken, [], 'pages that failed')
    assert.deepEqual(problems, [])
    assert.deepEqual([...watch.missing], [], 'keys asked for and missing')
  })

  test('every email reads in Korean without fallbacks or codes', async ({ assert }) => {
    const shop = await shopInEveryState()
    const builder = await app.container.make(OrderMailBuilder)
    const { waiting, shipped, jeju } = shop.orders
    const sellerOrder = await SellerOrder.findByOrFail('orderId', shipped.order.id)

    const watch = watchMissingTranslations()
    const mails = [
      new OrderPlacedMail(await builder.forOrder(waiting.order.id)),
      new OrderPlacedMail(await builder.forOrder(jeju.order.id)),
      new OrderPaidMail(await builder.forOrder(shipped.order.id)),
      new SellerOrderShippedMail(await builder.forShipment(sellerOrder)),
      new NewSellerOrderMail(await builder.forSeller(sellerOrder)),
      new PaymentReviewMail({
        email: shop.admin.email,
        name: shop.admin.fullName,
        locale: 'ko',
        orderNumber: jeju.order.number,
        orderUrl: 'https://shop.example.com/admin/orders/1',
        adapter: '테스트 카드',
        confirmed: { amount: 15_000, currency: 'KRW' },
        expected: { amount: 23_000, currency: 'KRW' },
        reason: null,
      }),
    ]
    const problems: string[] = []
    try {
      for (const built of mails) {
        await built.buildWithContents()
        const { subject, html, text } = built.message.toJSON().message as Record<string, string>
        const body = [subject, html ?? '', text ?? ''].join('\n')
        problems.push(...problemsIn(built.constructor.name, body))
      }
    } finally {
      watch.stop()
    }
    assert.deepEqual(problems, [])
    assert.deepEqual([...watch.missing], [], 'keys asked for and missing')
  })
})
