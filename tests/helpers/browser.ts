import type { Page } from 'playwright'
import type { TestContext } from '@japa/runner/core'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import { FACTORY_PASSWORD } from '#database/factories/index'

/** Where the test server listens (HOST and PORT from .env.test). */
function serverUrl() {
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
