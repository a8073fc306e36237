/**
 * The OpenAPI 3.1 description of the Store API, served at
 * /api/v1/openapi.json. A functional test calls every operation listed here
 * and validates the responses against these schemas, so the document cannot
 * drift from the routes.
 */

import {
  bearer,
  dataResponse,
  errorResponse,
  idParameter,
  json,
  nullable,
  ref,
  schemas,
} from '#api/openapi_schemas'
import { mediaPaths } from '#api/openapi_media'
import { MAX_UNIT_PRICE } from '#validators/rules/bounds'
import { commercePaths, commerceSchemas } from '#api/openapi_commerce'

const reasonBody = {
  required: true,
  content: json({
    type: 'object',
    required: ['reason'],
    properties: { reason: { type: 'string', minLength: 5, maxLength: 1000 } },
  }),
}

const pageOf = (item: string) => ({
  description: 'A page of results',
  content: json({
    type: 'object',
    required: ['data', 'meta'],
    properties: { data: { type: 'array', items: ref(item) }, meta: ref('PageMeta') },
  }),
})

const catalogParameters = [
  { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 } },
  {
    name: 'category',
    in: 'query',
    schema: { type: 'string' },
    description: 'Slug or id; includes subcategories',
  },
  { name: 'seller', in: 'query', schema: { type: 'string' }, description: 'Slug or id' },
  {
    name: 'minPrice',
    in: 'query',
    schema: { type: 'integer', minimum: 0, maximum: MAX_UNIT_PRICE },
  },
  {
    name: 'maxPrice',
    in: 'query',
    schema: { type: 'integer', minimum: 0, maximum: MAX_UNIT_PRICE },
  },
  { name: 'sort', in: 'query', schema: { enum: ['newest', 'price_asc', 'price_desc', 'name'] } },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
  { name: 'perPage', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
]

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Jangteo Store API',
    version: '1.0.0',
    description:
      'Catalog, carts, checkout, orders, accounts, seller and admin operations of a Jangteo store. ' +
      'Money is always an integer amount of minor units with its currency. Errors share one shape: { errors: [{ field?, code, message }] }. ' +
      'Any request with a NUL character in its path, query or body is refused with 400 E_NUL_CHARACTER.',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', description: 'Token from POST /auth/login' },
    },
    schemas: { ...schemas, ...commerceSchemas },
  },
  paths: {
    '/auth/register': {
      post: {
        operationId: 'register',
        summary: 'Create a customer account',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['email', 'password', 'name'],
            properties: {
              email: { type: 'string', format: 'email' },
              password: { type: 'string', minLength: 8, maxLength: 128 },
              name: { type: 'string', minLength: 1, maxLength: 100 },
            },
          }),
        },
        responses: {
          '201': dataResponse('The new account', ref('User')),
          '422': errorResponse('Invalid input or email already registered'),
          '429': errorResponse('Too many requests'),
        },
      },
    },
    '/auth/login': {
      post: {
        operationId: 'login',
        summary: 'Exchange credentials for a bearer token',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['email', 'password'],
            properties: { email: { type: 'string' }, password: { type: 'string' } },
          }),
        },
        responses: {
          '200': {
            description: 'A token valid for 30 days',
            content: json({
              type: 'object',
              required: ['token', 'type', 'expiresAt'],
              properties: {
                token: { type: 'string' },
                type: { const: 'bearer' },
                expiresAt: nullable('string', { format: 'date-time' }),
              },
            }),
          },
          '400': errorResponse('Invalid credentials'),
          '422': errorResponse('Invalid input'),
          '429': errorResponse('Too many failed attempts'),
        },
      },
    },
    '/auth/logout': {
      post: {
        operationId: 'logout',
        summary: 'Revoke the token used for this request',
        security: bearer,
        responses: { '204': { description: 'Revoked' }, '401': errorResponse('Not signed in') },
      },
    },
    '/me': {
      get: {
        operationId: 'me',
        summary: 'The signed-in account',
        security: bearer,
        responses: {
          '200': dataResponse('The account', ref('User')),
          '401': errorResponse('Not signed in'),
        },
      },
    },
    '/categories': {
      get: {
        operationId: 'listCategories',
        summary: 'The category tree as a flat list (link children with parentId)',
        responses: {
          '200': dataResponse('All categories', { type: 'array', items: ref('Category') }),
        },
      },
    },
    '/products': {
      get: {
        operationId: 'listProducts',
        summary: 'Search published products',
        parameters: catalogParameters,
        responses: { '200': pageOf('ProductSummary'), '422': errorResponse('Invalid filter') },
      },
    },
    '/products/{slug}': {
      get: {
        operationId: 'showProduct',
        summary: 'A published product with its variants',
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': dataResponse('The product', ref('Product')),
          '404': errorResponse('Not found'),
        },
      },
    },
    ...commercePaths,
    '/seller/products': {
      get: {
        operationId: 'listSellerProducts',
        summary: "The signed-in seller's products, any status",
        security: bearer,
        parameters: [
          {
            name: 'status',
            in: 'query',
            schema: { enum: ['draft', 'pending_review', 'published', 'rejected', 'archived'] },
          },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'perPage', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
        ],
        responses: {
          '200': pageOf('SellerProduct'),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
        },
      },
      post: {
        operationId: 'createSellerProduct',
        summary: 'Create a product as a draft',
        security: bearer,
        requestBody: { required: true, content: json(ref('ProductInput')) },
        responses: {
          '201': dataResponse('The new draft', ref('SellerProduct')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '422': errorResponse('Invalid input'),
        },
      },
    },
    '/seller/products/{id}': {
      get: {
        operationId: 'showSellerProduct',
        summary: 'One of the seller’s products',
        security: bearer,
        parameters: [idParameter],
        responses: {
          '200': dataResponse('The product', ref('SellerProduct')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '404': errorResponse('No such product of this seller'),
        },
      },
      patch: {
        operationId: 'updateSellerProduct',
        summary: 'Change a product; text changes to a published product send it back to review',
        security: bearer,
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: json({ ...schemas.ProductInput, required: [] }),
        },
        responses: {
          '200': dataResponse('The product', ref('SellerProduct')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '404': errorResponse('No such product of this seller'),
          '409': errorResponse('The product cannot be edited in its current state'),
          '422': errorResponse('Invalid input'),
        },
      },
    },
    '/seller/products/{id}/submit': {
      post: {
        operationId: 'submitSellerProduct',
        summary: 'Send a draft or rejected product to review',
        security: bearer,
        parameters: [idParameter],
        responses: {
          '200': dataResponse('The product, now pending review', ref('SellerProduct')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '404': errorResponse('No such product of this seller'),
          '409': errorResponse('The product cannot be submitted in its current state'),
        },
      },
    },
    ...mediaPaths,
    '/admin/products/{id}/publish': {
      post: {
        operationId: 'publishProduct',
        summary: 'Publish a product in review',
        security: bearer,
        parameters: [idParameter],
        responses: {
          '200': dataResponse('The product', ref('SellerProduct')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not staff or admin'),
          '404': errorResponse('Not found'),
          '409': errorResponse('The product is not in review'),
        },
      },
    },
    '/admin/products/{id}/reject': {
      post: {
        operationId: 'rejectProduct',
        summary: 'Reject a product in review, with a reason for the seller',
        security: bearer,
        parameters: [idParameter],
        requestBody: reasonBody,
        responses: {
          '200': dataResponse('The product', ref('SellerProduct')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not staff or admin'),
          '404': errorResponse('Not found'),
          '409': errorResponse('The product is not in review'),
          '422': errorResponse('Missing reason'),
        },
      },
    },
    '/admin/sellers/{id}/approve': {
      post: {
        operationId: 'approveSeller',
        summary: 'Approve a pending seller application',
        security: bearer,
        parameters: [idParameter],
        responses: {
          '200': dataResponse('The seller', ref('Seller')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not staff or admin'),
          '404': errorResponse('Not found'),
          '409': errorResponse('The application is not pending'),
        },
      },
    },
    '/admin/sellers/{id}/reject': {
      post: {
        operationId: 'rejectSeller',
        summary: 'Reject a pending seller application, with a reason',
        security: bearer,
        parameters: [idParameter],
        requestBody: reasonBody,
        responses: {
          '200': dataResponse('The seller', ref('Seller')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not staff or admin'),
          '404': errorResponse('Not found'),
          '409': errorResponse('The application is not pending'),
          '422': errorResponse('Missing reason'),
        },
      },
    },
  },
}
