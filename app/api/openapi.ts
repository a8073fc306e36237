/**
 * The OpenAPI 3.1 description of the Store API, served at
 * /api/v1/openapi.json. A functional test calls every operation listed here
 * and validates the responses against these schemas, so the document cannot
 * drift from the routes.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: object) => ({ 'application/json': { schema } })
const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra })

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

const schemas = {
  Errors: {
    type: 'object',
    required: ['errors'],
    properties: {
      errors: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            field: {
              type: 'string',
              description: 'The input field at fault, for validation errors',
            },
            code: {
              type: 'string',
              description: 'E_* error code, or the validation rule that failed',
            },
            message: { type: 'string' },
          },
        },
      },
    },
  },
  Money: {
    type: 'object',
    required: ['amount', 'currency'],
    properties: {
      amount: {
        type: 'integer',
        minimum: 0,
        description: 'Minor units of the currency (KRW has none)',
      },
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    },
  },
  Category: {
    type: 'object',
    required: ['id', 'parentId', 'slug', 'name', 'nameEn', 'position'],
    properties: {
      id: { type: 'integer' },
      parentId: nullable('integer'),
      slug: { type: 'string' },
      name: { type: 'string' },
      nameEn: { type: 'string' },
      position: { type: 'integer' },
    },
  },
  Variant: {
    type: 'object',
    required: [
      'id',
      'sku',
      'price',
      'compareAtPrice',
      'stock',
      'inStock',
      'weightGrams',
      'options',
    ],
    properties: {
      id: { type: 'integer' },
      sku: { type: 'string' },
      price: ref('Money'),
      compareAtPrice: { oneOf: [ref('Money'), { type: 'null' }] },
      stock: { type: 'integer', minimum: 0 },
      inStock: { type: 'boolean' },
      weightGrams: nullable('integer'),
      options: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
  ProductSummary: {
    type: 'object',
    required: [
      'id',
      'slug',
      'title',
      'titleEn',
      'categoryId',
      'price',
      'inStock',
      'seller',
      'publishedAt',
    ],
    properties: {
      id: { type: 'integer' },
      slug: { type: 'string' },
      title: { type: 'string' },
      titleEn: nullable('string'),
      categoryId: { type: 'integer' },
      price: { ...ref('Money'), description: 'The lowest variant price' },
      inStock: { type: 'boolean' },
      seller: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'integer' }, name: { type: 'string' }, slug: { type: 'string' } },
      },
      publishedAt: nullable('string', { format: 'date-time' }),
    },
  },
  Product: {
    allOf: [
      ref('ProductSummary'),
      {
        type: 'object',
        required: ['description', 'descriptionEn', 'variants'],
        properties: {
          description: nullable('string'),
          descriptionEn: nullable('string'),
          variants: { type: 'array', items: ref('Variant') },
        },
      },
    ],
  },
  SellerProduct: {
    allOf: [
      ref('Product'),
      {
        type: 'object',
        required: ['status', 'rejectionReason', 'submittedAt', 'createdAt', 'updatedAt'],
        properties: {
          status: { enum: ['draft', 'pending_review', 'published', 'rejected', 'archived'] },
          rejectionReason: nullable('string'),
          submittedAt: nullable('string', { format: 'date-time' }),
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: nullable('string', { format: 'date-time' }),
        },
      },
    ],
  },
  Seller: {
    type: 'object',
    required: ['id', 'name', 'slug', 'status', 'rejectionReason', 'reviewedAt'],
    properties: {
      id: { type: 'integer' },
      name: { type: 'string' },
      slug: { type: 'string' },
      status: { enum: ['pending', 'approved', 'rejected'] },
      rejectionReason: nullable('string'),
      reviewedAt: nullable('string', { format: 'date-time' }),
    },
  },
  User: {
    type: 'object',
    required: ['id', 'email', 'fullName', 'phone', 'role', 'locale', 'seller', 'createdAt'],
    properties: {
      id: { type: 'integer' },
      email: { type: 'string', format: 'email' },
      fullName: { type: 'string' },
      phone: nullable('string'),
      role: { enum: ['customer', 'staff', 'admin'] },
      locale: { oneOf: [{ enum: ['ko', 'en'] }, { type: 'null' }] },
      seller: {
        oneOf: [
          { type: 'null' },
          {
            type: 'object',
            required: ['id', 'name', 'status', 'memberRole'],
            properties: {
              id: { type: 'integer' },
              name: { type: 'string' },
              status: { enum: ['pending', 'approved', 'rejected'] },
              memberRole: { enum: ['owner', 'manager'] },
            },
          },
        ],
      },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  PageMeta: {
    type: 'object',
    required: ['total', 'page', 'perPage', 'lastPage'],
    properties: {
      total: { type: 'integer', minimum: 0 },
      page: { type: 'integer', minimum: 1 },
      perPage: { type: 'integer', minimum: 1 },
      lastPage: { type: 'integer', minimum: 1 },
    },
  },
  VariantInput: {
    type: 'object',
    required: ['sku', 'price', 'stock'],
    properties: {
      id: { type: 'integer', description: 'An existing variant to update (PATCH)' },
      sku: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' },
      price: { type: 'integer', minimum: 0, description: 'Minor units' },
      compareAtPrice: { type: 'integer', minimum: 0 },
      stock: { type: 'integer', minimum: 0 },
      weightGrams: { type: 'integer', minimum: 0 },
      options: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
  ProductInput: {
    type: 'object',
    required: ['title', 'categoryId', 'variants'],
    properties: {
      title: { type: 'string', minLength: 2, maxLength: 200 },
      titleEn: { type: 'string', maxLength: 200 },
      description: { type: 'string' },
      descriptionEn: { type: 'string' },
      categoryId: { type: 'integer' },
      variants: { type: 'array', minItems: 1, maxItems: 100, items: ref('VariantInput') },
    },
  },
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
