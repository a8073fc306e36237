import { PaymentSchema } from '#database/schema'
import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Order from '#models/order'
import PaymentRefund from '#models/payment_refund'
import { jsonColumn } from '#models/json_column'
import type { MethodSummary, PaymentSession } from '#payments/types'

/**
 * One attempt to pay for an order through one adapter. Status changes go
 * through paymentLifecycle only.
 */
export default class Payment extends PaymentSchema {
  // SQLite returns booleans as 0/1.
  @column({ consume: (value: unknown) => Boolean(value) })
  declare saveMethod: boolean

  @jsonColumn<PaymentSession>()
  declare nextAction: PaymentSession | null

  @jsonColumn<MethodSummary>()
  declare methodSummary: MethodSummary | null

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>

  @hasMany(() => PaymentRefund, {
    onQuery: (query) => {
      if (!query.isRelatedSubQuery) query.orderBy('payment_refunds.id')
    },
  })
  declare refunds: HasMany<typeof PaymentRefund>
}
