import type { Infer } from '@vinejs/vine/types'
import type { productFormValidator } from '#validators/product'
import type { ProductInput } from '#services/catalog/product_service'
import type Product from '#models/product'
import { toMajorUnits } from '#services/money'
import { failValidation } from '#services/validation'

type ProductForm = Infer<typeof productFormValidator>

/** Number of option columns the seller-center form offers. */
export const FORM_OPTION_SLOTS = 3

/** Whether a posted value holds nothing typed (nested option values included). */
function isBlank(value: unknown): boolean {
  if (value && typeof value === 'object') return Object.values(value).every(isBlank)
  return String(value ?? '').trim() === ''
}

/**
 * Drops variant rows the seller left empty or cleared (the form always offers
 * a spare row; the hidden id of a cleared row does not count), so they are
 * neither validated nor saved. A row with anything typed in it is kept, so a
 * half-filled one gets field errors instead of vanishing.
 */
export function withoutBlankRows(body: Record<string, any>) {
  const rows: Record<string, any>[] = Array.isArray(body.variants) ? body.variants : []
  const filled = rows.filter((row) => !isBlank({ ...row, id: undefined }))
  return { ...body, variants: filled }
}

/**
 * Turns the form's option columns into each variant's options object
 * ({ 사이즈: 'M', 색상: '블랙' }). A column without a name and without values
 * is unused; values typed under a column without a name are a field error on
 * the name, rather than values that vanish.
 */
export function productInputFromForm(form: ProductForm): ProductInput {
  const names = form.optionNames ?? []
  for (let slot = 0; slot < FORM_OPTION_SLOTS; slot++) {
    const used = form.variants.some((variant) => variant.optionValues?.[slot])
    if (used && !names[slot]) {
      failValidation(
        `optionNames.${slot}`,
        `Name option ${slot + 1}: its column has values`,
        'optionNameRequired',
        { n: slot + 1 }
      )
    }
  }
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
