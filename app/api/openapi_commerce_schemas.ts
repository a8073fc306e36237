/**
 * JSON schemas of the Store API's carts, orders and payments
 * (components.schemas of the OpenAPI document). Money here is a bare integer
 * of minor units; the currency is stated once, in `totals.currency`.
 */

import { nullable, ref } from '#api/openapi_schemas'
import { ORDER_STATUSES } from '#lifecycles/order_lifecycle'
import { SELLER_ORDER_STATUSES } from '#lifecycles/seller_order_lifecycle'
import { PAYMENT_STATUSES } from '#lifecycles/payment_lifecycle'

const amount = { type: 'integer', minimum: 0, description: 'Minor units of totals.currency' }
const integer = { type: 'integer' }
const string = { type: 'string' }
const currency = { type: 'string', pattern: '^[A-Z]{3}$' }
const dateTime = nullable('string', { format: 'date-time' })

/** A UUID as `crypto.randomUUID()` writes it (Ajv knows no `uuid` format). */
export const uuid = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
}

/** An object schema whose properties are all required, apart from `optional`. */
export const record = (properties: Record<string, object>, optional: string[] = []) => ({
  type: 'object',
  required: Object.keys(properties).filter((name) => !optional.includes(name)),
  properties,
})

const totals = { subtotal: amount, shipping: amount, grandTotal: amount, currency }

/** An error entry with these extra facts when its code is `code`. */
const errorFacts = (code: string, facts: Record<string, object>) => ({
  if: { type: 'object', required: ['code'], properties: { code: { const: code } } },
  then: record(facts),
})

/** Resources of the commerce operations, merged into components.schemas. */
export const commerceSchemas = {
  BreakdownLine: record(
    {
      code: { ...string, description: 'Stable, e.g. base, free_over_threshold, remote_area.jeju' },
      label: string,
      amount,
      params: {
        type: 'object',
        description: 'Facts the line names, e.g. { upToGrams: 2000 } for a weight band',
        additionalProperties: { type: ['string', 'number'] },
      },
    },
    ['params']
  ),
  ShippingQuote: {
    oneOf: [
      record({
        deliverable: { const: true },
        amount,
        breakdown: { type: 'array', items: ref('BreakdownLine') },
      }),
      record({
        deliverable: { const: false },
        amount: { type: 'null' },
        reason: { ...string, description: 'Stable, e.g. country_not_served, too_heavy' },
        message: string,
      }),
    ],
  },
  CartLine: record({
    id: integer,
    variantId: integer,
    productId: integer,
    productSlug: string,
    title: string,
    variantLabel: string,
    sku: string,
    unitPrice: amount,
    quantity: { type: 'integer', minimum: 1 },
    lineTotal: amount,
    stock: { type: 'integer', minimum: 0 },
    problem: {
      enum: [null, 'unavailable', 'out_of_stock'],
      description: 'Why the line cannot be ordered as it is',
    },
  }),
  Cart: record({
    id: uuid,
    destination: record({ country: string, postalCode: string }),
    sellers: {
      type: 'array',
      description: 'One parcel per seller (묶음배송), each quoted by the seller’s shipping policy',
      items: record({
        sellerId: integer,
        sellerName: string,
        items: { type: 'array', items: ref('CartLine') },
        subtotal: amount,
        shipping: ref('ShippingQuote'),
      }),
    },
    totals: record({ ...totals, itemCount: { type: 'integer', minimum: 0 } }),
    orderable: { type: 'boolean', description: 'Every line in stock and every seller delivers' },
  }),
  ShippingAddress: record(
    {
      name: string,
      phone: string,
      country: { type: 'string', pattern: '^[A-Z]{2}$' },
      postalCode: string,
      line1: { ...string, description: 'Korea: the road address (도로명주소)' },
      line2: nullable('string', { description: 'Korea: the detail (동·호수)' }),
      city: nullable('string'),
      region: nullable('string'),
    },
    ['line2', 'city', 'region']
  ),
  Payment: record({
    id: { ...string, description: 'The attempt id' },
    method: { ...string, description: 'The payment adapter, e.g. bank_transfer' },
    status: { enum: PAYMENT_STATUSES },
    amount,
    currency,
    refunded: { ...amount, description: 'Given back so far (see the order refunds)' },
    nextAction: {
      description: 'What the shopper does next, while the attempt is pending',
      oneOf: [
        { type: 'null' },
        record({ type: { const: 'redirect' }, url: string }),
        record({ type: { const: 'client_confirmation' }, clientSecret: string }),
        record({
          type: { const: 'bank_transfer' },
          bankName: string,
          accountNumber: string,
          accountHolder: string,
          amount,
          currency,
          reference: { ...string, description: 'Put it in the transfer memo' },
          dueAt: { type: 'string', format: 'date-time' },
        }),
      ],
    },
    methodSummary: {
      oneOf: [
        { type: 'null' },
        record({ brand: string, last4: string, expiresAt: string }, ['last4', 'expiresAt']),
      ],
    },
    failure: { oneOf: [{ type: 'null' }, record({ code: string, reason: string })] },
  }),
  PlacedOrder: record({
    orderNumber: string,
    status: { enum: ORDER_STATUSES },
    accessKey: { ...string, description: 'Send as X-Order-Key to view the order without a token' },
    totals: record(totals),
    payment: ref('Payment'),
  }),
  Order: record({
    orderNumber: string,
    status: { enum: ORDER_STATUSES },
    email: { type: 'string', format: 'email' },
    placedAt: { type: 'string', format: 'date-time' },
    expiresAt: { ...dateTime, description: 'When an unpaid order is canceled' },
    paidAt: dateTime,
    canceledAt: dateTime,
    cancelReason: nullable('string'),
    totals: record(totals),
    shippingAddress: ref('ShippingAddress'),
    sellers: {
      type: 'array',
      items: record({
        sellerId: integer,
        sellerName: string,
        status: { enum: SELLER_ORDER_STATUSES },
        subtotal: amount,
        shipping: record({ amount, breakdown: { type: 'array', items: ref('BreakdownLine') } }),
        shipment: {
          oneOf: [
            { type: 'null' },
            record({
              carrier: nullable('string'),
              trackingNumber: string,
              trackingUrl: nullable('string'),
              shippedAt: dateTime,
              deliveredAt: dateTime,
            }),
          ],
        },
        items: {
          type: 'array',
          items: record({
            title: string,
            variantLabel: string,
            sku: string,
            unitPrice: amount,
            quantity: { type: 'integer', minimum: 1 },
            lineTotal: amount,
            refundedQuantity: { type: 'integer', minimum: 0 },
          }),
        },
      }),
    },
    payment: { oneOf: [{ type: 'null' }, ref('Payment')] },
    refunds: ref('OrderRefunds'),
  }),
  OrderRefunds: record({
    state: {
      enum: ['none', 'partial', 'full'],
      description: 'How much of the money paid went back',
    },
    refunded: { ...amount, description: 'Refunded so far (succeeded refunds)' },
    pending: { ...amount, description: 'Refunds the payment provider has not confirmed yet' },
    entries: {
      type: 'array',
      items: record({
        status: { enum: ['pending', 'succeeded'] },
        amount,
        reason: string,
        reasonCode: {
          ...nullable('string'),
          description: 'Set when the store wrote the reason itself, e.g. order_expired, external',
        },
        at: {
          type: 'string',
          format: 'date-time',
          description: 'When it went through, or was asked for while pending',
        },
        sellerId: {
          ...nullable('integer'),
          description: 'The seller whose share was refunded; null for the whole order',
        },
        items: {
          type: 'array',
          items: record({
            title: string,
            variantLabel: string,
            sku: string,
            quantity: { type: 'integer', minimum: 1 },
          }),
        },
      }),
    },
  }),
  CommerceErrors: {
    allOf: [
      ref('Errors'),
      {
        type: 'object',
        properties: {
          errors: {
            type: 'array',
            items: {
              allOf: [
                errorFacts('E_OUT_OF_STOCK', {
                  variantId: integer,
                  requested: { type: 'integer', minimum: 1 },
                  available: { type: 'integer', minimum: 0 },
                }),
                errorFacts('E_NOT_DELIVERABLE', { sellerId: integer, reason: string }),
              ],
            },
          },
        },
      },
    ],
  },
}
