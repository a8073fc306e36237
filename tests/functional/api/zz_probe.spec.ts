import { test } from '@japa/runner'
test('probe', async ({ client }) => {
  const r = await client.get('/api/v1/products')
  console.log(JSON.stringify(r.body()), r.headers()['content-type'])
})
