import { test } from '@japa/runner'
import config from '@adonisjs/core/services/config'
import { DateTime } from 'luxon'
import { formatDateTime, storeDayBounds } from '#formatting/store_time'
import { newOrderNumber } from '#services/orders/order_number'

test.group('Store time | one zone whatever the machine says', (group) => {
  group.each.setup(() => {
    const zone = process.env.TZ
    const storeZone = config.get<string>('store.timezone')
    config.set('store.timezone', 'Asia/Seoul')
    return () => {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
      config.set('store.timezone', storeZone)
    }
  })

  test('formats a moment alike on a machine in {zone}')
    .with([{ zone: 'UTC' }, { zone: 'America/Los_Angeles' }, { zone: 'Asia/Seoul' }])
    .run(({ assert }, { zone }) => {
      process.env.TZ = zone
      const moment = DateTime.fromISO('2026-11-25T14:59:00.000Z')
      assert.equal(formatDateTime(moment, 'ko'), '2026년 11월 25일 오후 11:59 GMT+9')
      assert.equal(formatDateTime(moment.toJSDate(), 'en'), 'November 25, 2026 at 11:59 PM GMT+9')
      assert.equal(formatDateTime(moment.toISO()!, 'ko'), '2026년 11월 25일 오후 11:59 GMT+9')
    })

  test('numbers an order by the month in Seoul', ({ assert }) => {
    process.env.TZ = 'UTC'
    const firstOfDecemberInSeoul = DateTime.fromISO('2026-11-30T16:00:00.000Z')
    assert.match(newOrderNumber('JT', firstOfDecemberInSeoul), /^JT2612-/)
  })

  test('bounds a calendar day by midnight in Seoul', ({ assert }) => {
    process.env.TZ = 'UTC'
    const { start, end } = storeDayBounds('2026-11-25')
    assert.equal(start.toUTC().toISO(), '2026-11-24T15:00:00.000Z')
    assert.equal(end.toUTC().toISO(), '2026-11-25T14:59:59.999Z')
  })
})
