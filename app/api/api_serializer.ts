import { BaseSerializer } from '@adonisjs/core/transformers'

/**
 * Shapes every Store API response as `{ data }`, and paginated lists as
 * `{ data, meta: { total, page, perPage, lastPage } }`.
 */
export class ApiSerializer extends BaseSerializer<{
  Wrap: 'data'
  PaginationMetaData: { total: number; page: number; perPage: number; lastPage: number }
}> {
  wrap = 'data' as const

  definePaginationMetaData(metaData: unknown) {
    if (!this.isLucidPaginatorMetaData(metaData)) {
      throw new Error('Paginated API responses expect a Lucid paginator')
    }
    return {
      total: Number(metaData.total),
      page: Number(metaData.currentPage),
      perPage: Number(metaData.perPage),
      lastPage: Number(metaData.lastPage),
    }
  }
}

/** The serializer every API controller uses. */
export const apiSerializer = new ApiSerializer()
