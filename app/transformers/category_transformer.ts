import { BaseTransformer } from '@adonisjs/core/transformers'
import type Category from '#models/category'

/** A category in the Store API; `parentId` links the tree. */
export default class CategoryTransformer extends BaseTransformer<Category> {
  toObject() {
    return this.pick(this.resource, ['id', 'parentId', 'slug', 'name', 'nameEn', 'position'])
  }
}
