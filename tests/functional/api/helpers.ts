import db from '@adonisjs/lucid/services/db'
import type { ApiResponse } from '@japa/api-client'
import AuditEvent from '#models/audit_event'

/** Rows in a table, to show that a rejected request wrote nothing. */
export async function countRows(table: string): Promise<number> {
  const [row] = await db.from(table).count('* as total')
  return Number(row.total)
}

/** A valid body for POST /api/v1/seller/products: two variants that differ by colour. */
export function productBody(categoryId: number) {
  return {
    title: '무선 키보드',
    titleEn: 'Wireless keyboard',
    description: '조용한 키감',
    categoryId,
    variants: [
      { sku: 'KB-BLACK', price: 59_000, stock: 12, weightGrams: 800, options: { 색상: '블랙' } },
      { sku: 'KB-WHITE', price: 61_000, stock: 0, options: { 색상: '화이트' } },
    ],
  }
}

/** The `field` and `code` of each entry of an API error response. */
export function errorsOf(response: ApiResponse): { field?: string; code: string }[] {
  return response
    .body()
    .errors.map(({ field, code }: { field?: string; code: string }) =>
      field === undefined ? { code } : { field, code }
    )
}

/** The audit entries recorded for one record, oldest first. */
export function auditTrail(subjectType: string, subjectId: number) {
  return AuditEvent.query()
    .where('subject_type', subjectType)
    .where('subject_id', String(subjectId))
    .orderBy('id')
}
