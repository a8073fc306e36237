/**
 * The seller API's media operations in the OpenAPI document: a product's
 * gallery, uploads answered 202 while the pipeline works, and single items.
 */

import {
  bearer,
  dataResponse,
  errorResponse,
  idParameter,
  json,
  nullable,
  ref,
  rowId,
} from '#api/openapi_schemas'

export const mediaPaths = {
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
              items: rowId,
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
}
