import { test } from '@japa/runner'

test('smoke', async ({ visit }) => {
  console.log(process.env.HOST, process.env.PORT)
  const page = await visit('/')
  console.log(page.url(), await page.title())
})
