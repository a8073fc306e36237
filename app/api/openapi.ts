/**
 * The OpenAPI 3.1 description of the Store API, served at
 * /api/v1/openapi.json. A functional test calls every operation listed here
 * and validates the responses against these schemas, so the document cannot
 * drift from the routes.
 */

import { json, nullable, ref, schemas } from '#api/openapi_schemas'

const errorResponse = (description: string) => ({ description, content: json(ref('Errors')) })
const dataResponse = (description: string, schema: object) => ({
  description,
  content: json({ type: 'object', required: ['data'], properties: { data: schema } }),
})

const bearer = [{ bearerAuth: [] }]
const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1 },
}
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
  { name: 'minPrice', in: 'query', schema: { type: 'integer', minimum: 0 } },
  { name: 'maxPrice', in: 'query', schema: { type: 'integer', minimum: 0 } },
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
      'Catalog, accounts, seller and admin operations of a Jangteo store. Money is always an integer ' +
      'amount of minor units with its currency. Errors share one shape: { errors: [{ field?, code, message }] }.',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', description: 'Token from POST /auth/login' },
    },
    schemas,
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
    '/seller/products/{id}/media': {
      get: {
        operationId: 'listProductMedia',
        summary: 'A product’s photos and videos in every processing state',
        security: bearer,
        parameters: [idParameter],
        responses: {
          '200': dataResponse('The gallery', { type: 'array', items: ref('SellerMedia') }),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '404': errorResponse('No such product of this seller'),
        },
      },
      post: {
        operationId: 'uploadProductMedia',
        summary:
          'Upload a photo (JPEG, PNG, WebP, AVIF, GIF) or video (MP4, MOV, WebM); it is processed in the background',
        security: bearer,
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: {
                  file: { type: 'string', format: 'binary' },
                  alt: { type: 'string', maxLength: 300 },
                },
              },
            },
          },
        },
        responses: {
          '202': dataResponse('Stored and queued', ref('SellerMedia')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '404': errorResponse('No such product of this seller'),
          '413': errorResponse('The request is larger than any upload limit'),
          '422': errorResponse(
            'Refused: unsupported_type, empty_file, file_too_large, too_many_pixels, corrupt_file, video_too_long, video_too_large, too_many_files or duplicate_media; the message names the limit'
          ),
        },
      },
    },
    '/seller/products/{id}/media/order': {
      put: {
        operationId: 'reorderProductMedia',
        summary: 'Set the gallery order',
        security: bearer,
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['ids'],
            properties: {
              ids: {
                type: 'array',
                items: { type: 'integer', minimum: 1 },
                minItems: 1,
                description: 'Every media id of the product, once, in the new order',
              },
            },
          }),
        },
        responses: {
          '200': dataResponse('The gallery', { type: 'array', items: ref('SellerMedia') }),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '404': errorResponse('No such product of this seller'),
          '422': errorResponse('The ids are not exactly the product’s media'),
        },
      },
    },
    '/seller/media/{id}': {
      get: {
        operationId: 'showMedia',
        summary: 'A photo or video with its processing state and renditions',
        security: bearer,
        parameters: [idParameter],
        responses: {
          '200': dataResponse('The media', ref('SellerMedia')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '404': errorResponse('No such media of this seller'),
        },
      },
      patch: {
        operationId: 'updateMedia',
        summary: 'Change the alt text or make a photo the cover',
        security: bearer,
        parameters: [idParameter],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: {
              alt: nullable('string', { maxLength: 300 }),
              isCover: { type: 'boolean' },
            },
          }),
        },
        responses: {
          '200': dataResponse('The media', ref('SellerMedia')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '404': errorResponse('No such media of this seller'),
          '422': errorResponse('Invalid input, or a video as cover'),
        },
      },
      delete: {
        operationId: 'deleteMedia',
        summary: 'Delete a photo or video and its files',
        security: bearer,
        parameters: [idParameter],
        responses: {
          '204': { description: 'Deleted' },
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '404': errorResponse('No such media of this seller'),
        },
      },
    },
    '/seller/media/{id}/retry': {
      post: {
        operationId: 'retryMedia',
        summary: 'Queue a failed photo or video for processing again',
        security: bearer,
        parameters: [idParameter],
        responses: {
          '202': dataResponse('Queued again', ref('SellerMedia')),
          '401': errorResponse('Not signed in'),
          '403': errorResponse('Not a member of an approved seller'),
          '404': errorResponse('No such media of this seller'),
          '422': errorResponse('The media has not failed'),
        },
      },
    },
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
