import type { Page } from 'playwright'
import type { TestContext } from '@japa/runner/core'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/index'
import { createListing, setPolicy } from '#tests/helpers/commerce'

/** Where the test server listens (HOST and PORT from .env.test): the shop's URL for providers. */
export function serverUrl() {
  return `http://${env.get('HOST')}:${env.get('PORT')}`
}

/**
 * Browser tests commit through the real server, so no global transaction can
 * undo them. Empties every table before the test, whatever ran earlier, and
 * returns the same truncation as the cleanup, so the suites that follow find
 * an empty database. (`truncate()` itself only runs pending migrations.)
 */
export async function emptyDatabase() {
  const truncate = await testUtils.db().truncate()
  await truncate()
  return truncate
}

/**
 * A page in a browser of its own (own cookies, own session), for journeys
 * where a seller, an operator and a shopper take turns. Closed with the test.
 */
export async function pageInAnotherBrowser({ browser, test }: TestContext) {
  const context = await browser.newContext({ baseURL: serverUrl() })
  test.cleanup(() => context.close())
  return context.newPage()
}

/** Fills in and sends the sign-up form, the way a new customer would. */
export async function signUp(
  page: Page,
  person: { name: string; email: string; password: string }
) {
  await page.goto('/signup')
  await page.getByLabel('이름').fill(person.name)
  await page.getByLabel('이메일').fill(person.email)
  await page.getByLabel('비밀번호').fill(person.password)
  await page.getByRole('button', { name: '가입하기' }).click()
}

/** Signs in through the /login form. */
export async function logIn(page: Page, email: string, password = FACTORY_PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('이메일').fill(email)
  await page.getByLabel('비밀번호').fill(password)
  await page.getByRole('button', { name: '로그인' }).click()
}

/** One product of a new seller for sale at 15,000 with 3,000 shipping; its slug. */
export async function productForSale() {
  const { product, seller } = await createListing({ price: 15_000, stock: 5 })
  await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
  return product.slug
}

/** A new customer, signed in on a page of their own. */
export async function signedInCustomer(browserContext: { newPage(): Promise<Page> }) {
  const user = await UserFactory.create()
  const page = await browserContext.newPage()
  await logIn(page, user.email)
  return { user, page }
}

/** A signed-in customer with one product (15,000 + 3,000 shipping) for sale. */
export async function customerWithProduct(browserContext: { newPage(): Promise<Page> }) {
  const slug = await productForSale()
  return { slug, ...(await signedInCustomer(browserContext)) }
}

/** Fills the checkout's Seoul address. */
export async function fillSeoulAddress(page: Page) {
  await page.getByLabel('받는 분').fill('김고객')
  await page.getByLabel('연락처').fill('010-1234-5678')
  await page.getByLabel('우편번호').fill('06236')
  await page.getByLabel('주소 (한국은 도로명 주소)').fill('서울특별시 강남구 테헤란로 152')
}

/** Puts the product in the cart, goes to the checkout and fills the Seoul address. */
export async function toCheckout(page: Page, slug: string) {
  await page.goto(`/products/${slug}`)
  await page.getByRole('button', { name: '장바구니 담기' }).click()
  await page.assertPath('/cart')
  await page.getByRole('button', { name: '주문하기', exact: true }).click()
  await page.assertPath('/checkout')
  await fillSeoulAddress(page)
}
