import { BaseSerializer, Paginator } from '@adonisjs/core/transformers'
import type { ContainerResolver } from '@adonisjs/core/container'
import type {
  CollectionContract,
  ItemContract,
  PaginatorContract,
  UnpackAsTopLevelCollection,
  UnpackAsTopLevelItem,
  UnpackAsTopLevelPaginator,
} from '@adonisjs/http-transformers/types'

/** Where a page sits in a paginated list. */
export interface PageMeta {
  total: number
  page: number
  perPage: number
  lastPage: number
}

/** A page as the framework serialises it, with its `metadata` key renamed to `meta`. */
type Page<P> =
  UnpackAsTopLevelPaginator<P, 'data', PageMeta> extends { data: infer Data }
    ? { data: Data; meta: PageMeta }
    : never

/** The framework's serializer, wrapping in `data` and reading Lucid paginator metadata. */
class DataSerializer extends BaseSerializer<{ Wrap: 'data'; PaginationMetaData: PageMeta }> {
  wrap = 'data' as const

  definePaginationMetaData(metaData: unknown): PageMeta {
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

/**
 * Shapes every Store API response as `{ data }`, and paginated lists as
 * `{ data, meta: { total, page, perPage, lastPage } }` (the framework names
 * that key `metadata`; the API documents `meta`).
 */
export class ApiSerializer {
  #serializer = new DataSerializer()

  serialize<P extends PaginatorContract<any, any, any>>(
    paginator: P,
    resolver?: ContainerResolver<any>
  ): Promise<Page<P>>
  serialize<C extends CollectionContract<any, any, any>>(
    collection: C,
    resolver?: ContainerResolver<any>
  ): Promise<UnpackAsTopLevelCollection<C, 'data'>>
  serialize<I extends ItemContract<any, any, any>>(
    item: I,
    resolver?: ContainerResolver<any>
  ): Promise<UnpackAsTopLevelItem<I, 'data'>>
  serialize(value: unknown, resolver?: ContainerResolver<any>): Promise<unknown>
  async serialize(data: unknown, resolver?: ContainerResolver<any>): Promise<unknown> {
    if (!(data instanceof Paginator)) return this.#serializer.serialize(data, resolver)
    const { data: items, metadata } = await this.#serializer.serialize(data, resolver)
    return { data: items, meta: metadata }
  }
}

/** The serializer every API controller uses. */
export const apiSerializer = new ApiSerializer()
