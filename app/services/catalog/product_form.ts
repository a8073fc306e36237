import type { Infer } from '@vinejs/vine/types'
import type { productFormValidator } from '#validators/product'
import type { ProductInput } from '#services/catalog/product_service'
import type Product from '#models/product'
import { toMajorUnits } from '#services/money'

type ProductForm = Infer<typeof productFormValidator>

/** Number of option columns the seller-center form offers. */
export const FORM_OPTION_SLOTS = 3

/**
 * Drops variant rows the seller left empty (the form always offers a spare
 * row), so they are neither validated nor saved.
 */
export function withoutBlankRows(body: Record<string, any>) {
  const rows: Record<string, any>[] = Array.isArray(body.variants) ? body.variants : []
  const filled = rows.filter((row) =>
    ['sku', 'price', 'stock'].some((field) => String(row?.[field] ?? '').trim() !== '')
  )
  return { ...body, variants: filled }
}

/**
 * Turns the form's option columns into each variant's options object
 * ({ 사이즈: 'M', 색상: '블랙' }); a column without a name is ignored.
 */
export function productInputFromForm(form: ProductForm): ProductInput {
  const names = form.optionNames ?? []
  return {
    title: form.title,
    titleEn: form.titleEn,
    description: form.description,
    descriptionEn: form.descriptionEn,
    categoryId: form.categoryId,
    variants: form.variants.map(({ optionValues, ...variant }) => ({
      ...variant,
      options: Object.fromEntries(
        names
          .map((name, index) => [name, optionValues?.[index]] as const)
          .filter((pair): pair is readonly [string, string] => Boolean(pair[0] && pair[1]))
      ),
    })),
  }
}

/** The values the form shows for an existing product (prices as typed). */
export function productFormValues(product: Product) {
  const optionNames = Object.keys(product.variants[0]?.options ?? {})
  return {
    title: product.title,
    titleEn: product.titleEn,
    description: product.description,
    descriptionEn: product.descriptionEn,
    categoryId: product.categoryId,
    optionNames,
    variants: product.variants.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      price: toMajorUnits(variant.price, product.currency),
      compareAtPrice:
        variant.compareAtPrice === null
          ? null
          : toMajorUnits(variant.compareAtPrice, product.currency),
      stock: variant.stock,
      weightGrams: variant.weightGrams,
      optionValues: optionNames.map((name) => variant.options[name]),
    })),
  }
}
