import vine from '@vinejs/vine'
import storeConfig from '#config/store'
import { fractionDigits, toMinorUnits } from '#services/money'
import { PRODUCT_STATUSES } from '#lifecycles/product_lifecycle'
import { FORM_OPTION_SLOTS } from '#services/catalog/product_form'
import { MAX_UNIT_PRICE, rowId } from '#validators/rules/bounds'

/**
 * A money field. The API takes integer minor units; the seller-center form
 * takes what people type (12.99) in the store currency and converts it.
 */
function money(input: 'minor' | 'major') {
  const digits = input === 'minor' ? 0 : fractionDigits(storeConfig.currency)
  return vine
    .number()
    .min(0)
    .max(MAX_UNIT_PRICE)
    .decimal([0, digits])
    .transform((value) => (input === 'minor' ? value : toMinorUnits(value, storeConfig.currency)))
}

/** Fields shared by a variant in the API and in the form. */
function variantFields(input: 'minor' | 'major') {
  return {
    id: rowId().optional(),
    sku: vine
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
    price: money(input),
    compareAtPrice: money(input).optional(),
    stock: vine.number().withoutDecimals().min(0).max(1_000_000),
    weightGrams: vine.number().withoutDecimals().min(0).max(1_000_000).optional(),
  }
}

const OPTION_TEXT_MAX = 40
const optionText = () => vine.string().trim().minLength(1).maxLength(OPTION_TEXT_MAX)

/**
 * A variant's options in the API, `{ name: value }`, held to what the form
 * takes: at most FORM_OPTION_SLOTS of them, names like values of 1 to 40
 * characters (and, as JSON keys cannot be trimmed, without spaces around).
 */
const apiOptions = () =>
  vine
    .record(optionText())
    .maxLength(FORM_OPTION_SLOTS)
    .validateKeys((names, field) => {
      const valid = (name: string) =>
        name.length >= 1 && name.length <= OPTION_TEXT_MAX && name === name.trim()
      if (!names.every(valid)) {
        field.report(
          'Each option name must be 1 to 40 characters, with no spaces at either end',
          'optionName',
          field,
          {
            max: OPTION_TEXT_MAX,
          }
        )
      }
    })

/** Fields of a product apart from its variants. */
function contentFields() {
  return {
    title: vine.string().trim().minLength(2).maxLength(200),
    titleEn: vine.string().trim().maxLength(200).optional(),
    description: vine.string().trim().maxLength(20_000).optional(),
    descriptionEn: vine.string().trim().maxLength(20_000).optional(),
    categoryId: rowId().exists({ table: 'categories', column: 'id' }),
  }
}

const apiVariants = () =>
  vine
    .array(vine.object({ ...variantFields('minor'), options: apiOptions().optional() }))
    .minLength(1)
    .maxLength(100)
    .distinct('sku')

/** A product as the Store API receives it (prices in minor units). */
export const productValidator = vine.create({ ...contentFields(), variants: apiVariants() })

/** A partial update through the API (PATCH): top-level fields may be left out. */
export const productPatchValidator = vine.create({
  ...contentFields(),
  title: contentFields().title.optional(),
  categoryId: contentFields().categoryId.optional(),
  variants: apiVariants().optional(),
})

/**
 * A product as the seller-center form posts it: prices as typed, up to three
 * option names (사이즈, 색상…) and, per variant, a value for each of them.
 */
export const productFormValidator = vine.create({
  ...contentFields(),
  optionNames: vine.array(optionText().optional()).maxLength(FORM_OPTION_SLOTS).optional(),
  variants: vine
    .array(
      vine.object({
        ...variantFields('major'),
        optionValues: vine.array(optionText().optional()).maxLength(FORM_OPTION_SLOTS).optional(),
      })
    )
    .minLength(1)
    .maxLength(100)
    .distinct('sku'),
})

/** Filters of a seller's own product list (seller center and API). */
export const sellerProductListValidator = vine.create({
  status: vine.enum(PRODUCT_STATUSES).optional(),
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
})
