import vine from '@vinejs/vine'
import { SELLER_STATUSES } from '#lifecycles/seller_lifecycle'
import { PRODUCT_STATUSES } from '#lifecycles/product_lifecycle'
import { rowId } from '#validators/rules/bounds'
import { IDENTITY_CHANGE_STATUSES } from '#lifecycles/identity_change_lifecycle'

const page = () => vine.number().withoutDecimals().min(1).max(10_000).optional()

/** Filters of the seller applications list. */
export const sellerListValidator = vine.create({
  status: vine.enum(SELLER_STATUSES).optional(),
  page: page(),
})

/** Filters of the queue of sellers' change requests. */
export const identityChangeListValidator = vine.create({
  status: vine.enum(IDENTITY_CHANGE_STATUSES).optional(),
  page: page(),
})

/** Filters of the product review queue. */
export const productListValidator = vine.create({
  status: vine.enum(PRODUCT_STATUSES).optional(),
  page: page(),
})

/** A category in the admin's category editor. */
export const categoryValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(80),
  nameEn: vine.string().trim().minLength(1).maxLength(80),
  slug: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .maxLength(80),
  parentId: rowId().exists({ table: 'categories', column: 'id' }).nullable().optional(),
  position: vine.number().withoutDecimals().min(0).max(10_000).optional(),
})

/** Filters of the audit log. */
export const auditFilterValidator = vine.create({
  actorId: rowId().optional(),
  actorRole: vine.enum(['admin', 'staff', 'seller', 'customer', 'system']).optional(),
  action: vine
    .string()
    .trim()
    .maxLength(60)
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .optional(),
  subjectType: vine
    .string()
    .trim()
    .maxLength(40)
    .regex(/^[a-z_]+$/)
    .optional(),
  subjectId: vine.string().trim().maxLength(40).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .afterOrSameAs('from')
    .optional(),
  page: page(),
})
