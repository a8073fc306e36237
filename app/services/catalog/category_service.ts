import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Exception } from '@adonisjs/core/exceptions'
import Category from '#models/category'
import Product from '#models/product'
import type { Actor } from '#audit/actor'
import { changeBetween, snapshot } from '#audit/change'
import { failValidation } from '#services/validation'
import CategoryCreated from '#events/category_created'
import CategoryUpdated from '#events/category_updated'
import CategoryDeleted from '#events/category_deleted'

export interface CategoryInput {
  name: string
  nameEn: string
  slug: string
  parentId?: number | null
  position?: number
}

/** A category with its children, for menus and filters. */
export interface CategoryNode {
  category: Category
  children: CategoryNode[]
  depth: number
}

const FIELDS = ['name', 'nameEn', 'slug', 'parentId', 'position'] as const

/**
 * The category tree. It is small, so it is read whole in one query and
 * assembled in memory.
 */
export default class CategoryService {
  #all?: Promise<Category[]>

  /** Every category, read once per service instance (one per request). */
  all(): Promise<Category[]> {
    this.#all ??= Category.query().orderBy('position').orderBy('id').exec()
    return this.#all
  }

  /** The whole tree, roots first, children in position order. */
  async tree(categories?: Category[]): Promise<CategoryNode[]> {
    const list = categories ?? (await this.all())
    const build = (parentId: number | null, depth: number): CategoryNode[] =>
      list
        .filter((category) => category.parentId === parentId)
        .map((category) => ({ category, depth, children: build(category.id, depth + 1) }))
    return build(null, 0)
  }

  /** The tree flattened depth-first, for <select> menus with indentation. */
  async flat(): Promise<CategoryNode[]> {
    const walk = (nodes: CategoryNode[]): CategoryNode[] =>
      nodes.flatMap((node) => [node, ...walk(node.children)])
    return walk(await this.tree())
  }

  /** The ids of a category and all categories below it. */
  async withDescendants(categoryId: number): Promise<number[]> {
    const list = await this.all()
    const ids = [categoryId]
    for (let index = 0; index < ids.length; index++) {
      for (const category of list) if (category.parentId === ids[index]) ids.push(category.id)
    }
    return ids
  }

  /** The chain from the root down to the category, for breadcrumbs. */
  async path(category: Category): Promise<Category[]> {
    const list = await this.all()
    const chain = [category]
    let parentId = category.parentId
    while (parentId !== null) {
      const parent = list.find((candidate) => candidate.id === parentId)
      if (!parent) break
      chain.unshift(parent)
      parentId = parent.parentId
    }
    return chain
  }

  /** Adds a category; inside `trx` when given (a setup that writes more in one go). */
  async create(
    input: CategoryInput,
    actor: Actor,
    trx?: TransactionClientContract
  ): Promise<Category> {
    this.#all = undefined
    const write = async (client: TransactionClientContract) => {
      await this.#assertSlugFree(input.slug, undefined, client)
      const category = await Category.create(
        { ...input, parentId: input.parentId ?? null, position: input.position ?? 0 },
        { client }
      )
      await CategoryCreated.record(
        client,
        category,
        actor,
        changeBetween({}, snapshot(category, FIELDS))
      )
      return category
    }
    return trx ? write(trx) : db.transaction(write)
  }

  /** Renames or moves a category; it cannot move below itself. */
  async update(category: Category, input: CategoryInput, actor: Actor): Promise<Category> {
    this.#all = undefined
    await this.#assertSlugFree(input.slug, category.id)
    const below = input.parentId ? await this.withDescendants(category.id) : []
    if (input.parentId && below.includes(input.parentId)) {
      failValidation('parentId', 'A category cannot be moved below itself', 'categoryCycle')
    }
    const before = snapshot(category, FIELDS)
    category.merge({
      ...input,
      parentId: input.parentId ?? null,
      position: input.position ?? category.position,
    })
    await db.transaction(async (trx) => {
      await category.useTransaction(trx).save()
      await CategoryUpdated.record(
        trx,
        category,
        actor,
        changeBetween(before, snapshot(category, FIELDS))
      )
    })
    return category
  }

  /** Deletes a category that has neither subcategories nor products. */
  async delete(category: Category, actor: Actor) {
    this.#all = undefined
    const child = await Category.query().where('parent_id', category.id).first()
    const product = await Product.query().where('category_id', category.id).first()
    if (child || product) {
      throw new Exception(
        'Only an empty category can be deleted: move its subcategories and products first',
        {
          status: 409,
          code: 'E_CATEGORY_NOT_EMPTY',
        }
      )
    }
    const before = snapshot(category, FIELDS)
    await db.transaction(async (trx) => {
      await category.useTransaction(trx).delete()
      await CategoryDeleted.record(trx, category, actor, changeBetween(before, {}))
    })
  }

  async #assertSlugFree(slug: string, ownId?: number, client?: TransactionClientContract) {
    const taken = await Category.query({ client })
      .where('slug', slug)
      .if(ownId, (query) => query.whereNot('id', ownId!))
      .first()
    if (taken) failValidation('slug', 'This slug is already used by another category', 'slugTaken')
  }
}
