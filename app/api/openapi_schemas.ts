/**
 * JSON schemas of the Store API's resources (components.schemas of the
 * OpenAPI document), and the helpers the path descriptions share.
 */

import { MAX_ROW_ID } from '#validators/rules/bounds'

/** A row id a client sends (ids are PostgreSQL `integer` columns). */
export const rowId = { type: 'integer', minimum: 1, maximum: MAX_ROW_ID }

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
export const json = (schema: object) => ({ 'application/json': { schema } })
export const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra })
export const errorResponse = (description: string) => ({
  description,
  content: json(ref('Errors')),
})
export const dataResponse = (description: string, schema: object) => ({
  description,
  content: json({ type: 'object', required: ['data'], properties: { data: schema } }),
})
export const bearer = [{ bearerAuth: [] }]
export const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: rowId,
}

export const schemas = {
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
      cover: {
        oneOf: [ref('Media'), { type: 'null' }],
        description: 'The listing photo (in lists only)',
      },
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
          media: {
            type: 'array',
            items: ref('Media'),
            description: 'Ready photos and videos, in gallery order (product detail only)',
          },
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
      categoryId: rowId,
      variants: { type: 'array', minItems: 1, maxItems: 100, items: ref('VariantInput') },
    },
  },
  Rendition: {
    type: 'object',
    required: ['format', 'width', 'height', 'url'],
    properties: {
      format: { enum: ['avif', 'webp', 'jpeg', 'mp4'] },
      width: { type: 'integer' },
      height: { type: 'integer' },
      url: { type: 'string' },
    },
  },
  Media: {
    type: 'object',
    required: ['id', 'kind', 'alt', 'position', 'isCover', 'renditions'],
    properties: {
      id: rowId,
      kind: { enum: ['image', 'video'] },
      alt: nullable('string'),
      position: { type: 'integer' },
      isCover: { type: 'boolean' },
      width: nullable('integer'),
      height: nullable('integer'),
      durationMs: nullable('integer', { description: 'Videos only' }),
      placeholder: nullable('string', { description: 'A tiny blurred WebP as a data: URL' }),
      renditions: {
        type: 'array',
        items: ref('Rendition'),
        description: 'Image widths in AVIF, WebP and JPEG, or the video as H.264/AAC MP4',
      },
      poster: {
        type: 'object',
        required: ['renditions'],
        properties: { renditions: { type: 'array', items: ref('Rendition') } },
        description: "A video's poster frame, JPEG and WebP",
      },
    },
  },
  SellerMedia: {
    allOf: [
      ref('Media'),
      {
        type: 'object',
        required: ['status', 'originalName', 'bytes', 'createdAt'],
        properties: {
          status: { enum: ['queued', 'processing', 'ready', 'failed'] },
          error: { type: 'string', description: 'Why processing failed, readable by the seller' },
          originalName: { type: 'string' },
          bytes: { type: 'integer' },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
    ],
  },
}
