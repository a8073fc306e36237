/**
 * The Store API's cart, checkout and order operations in the OpenAPI
 * document: carts addressed by their unguessable id, checkout for guests and
 * customers, and orders for their owner or the holder of the access key.
 */

import { dataResponse, errorResponse, json, ref, rowId } from '#api/openapi_schemas'
import { commerceSchemas, record, uuid } from '#api/openapi_commerce_schemas'

export { commerceSchemas } from '#api/openapi_commerce_schemas'

const string = { type: 'string' }
const variantQuantity = { type: 'integer', minimum: 1, maximum: 10_000 }

/** A response with the commerce errors' extra facts (stock shortages, refused sellers). */
const commerceError = (description: string) => ({
  description,
  content: json(ref('CommerceErrors')),
})

const cartId = {
  name: 'cartId',
  in: 'path',
  required: true,
  schema: uuid,
}
const itemId = { name: 'itemId', in: 'path', required: true, schema: rowId }
const cartResponse = (description: string) => dataResponse(description, ref('Cart'))
// Anonymous or signed in: both are documented, so neither is required.
const optionalBearer = [{}, { bearerAuth: [] }]

/** The cart, checkout and order operations, spread into the document's paths. */
export const commercePaths = {
  '/carts': {
    post: {
      operationId: 'createCart',
      summary: 'Start an empty cart; keep its unguessable id',
      responses: {
        '201': dataResponse('The new cart', record({ id: uuid })),
      },
    },
  },
  '/carts/{cartId}': {
    get: {
      operationId: 'showCart',
      summary: 'The cart priced now, with each seller’s shipping quoted for a destination',
      parameters: [
        cartId,
        { name: 'country', in: 'query', schema: { type: 'string', pattern: '^[A-Za-z]{2}$' } },
        {
          name: 'postalCode',
          in: 'query',
          schema: { type: 'string' },
          description: 'Remote areas (제주/도서산간) add a surcharge',
        },
      ],
      responses: {
        '200': cartResponse('The priced cart'),
        '404': errorResponse('No such cart'),
        '422': errorResponse('Invalid destination'),
      },
    },
  },
  '/carts/{cartId}/items': {
    post: {
      operationId: 'addCartItem',
      summary: 'Add a variant (to its line, when it is already in the cart)',
      parameters: [cartId],
      requestBody: {
        required: true,
        content: json(record({ variantId: rowId, quantity: variantQuantity })),
      },
      responses: {
        '201': cartResponse('The priced cart'),
        '404': errorResponse('No such cart'),
        '409': commerceError('E_OUT_OF_STOCK: not that many in stock'),
        '422': errorResponse('Invalid input, too many lines or units, or E_ITEM_UNAVAILABLE'),
      },
    },
  },
  '/carts/{cartId}/items/{itemId}': {
    patch: {
      operationId: 'updateCartItem',
      summary: 'Set a line’s quantity; 0 removes the line',
      parameters: [cartId, itemId],
      requestBody: {
        required: true,
        content: json(record({ quantity: { type: 'integer', minimum: 0, maximum: 10_000 } })),
      },
      responses: {
        '200': cartResponse('The priced cart'),
        '404': errorResponse('No such cart, or no such line in it'),
        '409': commerceError('E_OUT_OF_STOCK: not that many in stock'),
        '422': errorResponse('Invalid input, too many units, or E_ITEM_UNAVAILABLE'),
      },
    },
    delete: {
      operationId: 'removeCartItem',
      summary: 'Remove a line',
      parameters: [cartId, itemId],
      responses: {
        '200': cartResponse('The priced cart'),
        '404': errorResponse('No such cart, or no such line in it'),
      },
    },
  },
  '/checkout': {
    post: {
      operationId: 'checkout',
      summary:
        'Place an order for a cart: priced again on the server, stock reserved, the cart emptied',
      description:
        'With a bearer token the order belongs to the account; a guest keeps the accessKey. ' +
        'Prices, totals and fees sent by the client are ignored.',
      security: optionalBearer,
      requestBody: {
        required: true,
        content: json(
          record(
            {
              cartId: uuid,
              email: { type: 'string', format: 'email', maxLength: 254 },
              shippingAddress: {
                ...commerceSchemas.ShippingAddress,
                description: 'Korea: 5-digit postalCode; elsewhere city is required too',
                properties: {
                  ...commerceSchemas.ShippingAddress.properties,
                  line2: { type: 'string', maxLength: 200 },
                  city: { type: 'string', maxLength: 100 },
                  region: { type: 'string', maxLength: 100 },
                },
              },
              paymentMethod: {
                ...string,
                description: 'An enabled payment adapter, e.g. bank_transfer',
              },
              saveMethod: {
                type: 'boolean',
                description:
                  'Signed-in customers: keep the method for one-click payments ' +
                  '(adapters whose capabilities include savedMethods)',
              },
              savedMethodId: {
                ...rowId,
                description:
                  'Signed-in customers: charge this saved method of theirs at once (one-click); ' +
                  'its adapter replaces paymentMethod. Anyone else’s is a 422 and nothing is written',
              },
            },
            ['saveMethod', 'savedMethodId']
          )
        ),
      },
      responses: {
        '201': dataResponse(
          'The order, waiting for payment (or paid, or declined, when a saved method was charged)',
          ref('PlacedOrder')
        ),
        '409': commerceError(
          'E_OUT_OF_STOCK (one entry per short variant) or E_CART_CHANGED; nothing was written'
        ),
        '422': commerceError(
          'Invalid input, E_CART_EMPTY, E_ITEM_UNAVAILABLE or E_NOT_DELIVERABLE (one entry per seller)'
        ),
        '429': errorResponse('Too many checkouts from this address (CHECKOUT_RATE_LIMIT)'),
      },
    },
  },
  '/orders/{number}': {
    get: {
      operationId: 'showOrder',
      summary: 'An order, for the account that placed it or whoever holds its access key',
      security: optionalBearer,
      parameters: [
        { name: 'number', in: 'path', required: true, schema: { type: 'string' } },
        {
          name: 'X-Order-Key',
          in: 'header',
          schema: { type: 'string' },
          description: 'The accessKey returned by POST /checkout',
        },
      ],
      responses: {
        '200': dataResponse('The order', ref('Order')),
        '404': errorResponse('No such order, or not yours'),
      },
    },
  },
}
