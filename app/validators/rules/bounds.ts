import vine from '@vinejs/vine'

/**
 * Limits of what a client may send, set by the columns the values end up
 * in: PostgreSQL refuses an `integer` beyond 2³¹ − 1 with an error (a 500),
 * where a validator's bound gives the client a field error instead.
 */

/** Row ids are `integer` (serial) columns: no row has a larger id. */
export const MAX_ROW_ID = 2_147_483_647

/** The highest price of one unit, in minor units (₩1,000,000,000). */
export const MAX_UNIT_PRICE = 1_000_000_000

/** A row id as a client sends it (JSON, form or query string): a whole number 1..MAX_ROW_ID. */
export const rowId = () => vine.number().withoutDecimals().min(1).max(MAX_ROW_ID)

/** 1..2147483647 written without leading zeros (the regex form of MAX_ROW_ID). */
const ROW_ID =
  /^(?:[1-9]\d{0,8}|1\d{9}|20\d{8}|21[0-3]\d{7}|214[0-6]\d{6}|2147[0-3]\d{5}|21474[0-7]\d{4}|214748[0-2]\d{3}|2147483[0-5]\d{2}|21474836[0-3]\d|214748364[0-7])$/

/** Whether a route segment or query value names a row that can exist. */
export function isRowId(value: string): boolean {
  return ROW_ID.test(value)
}

/**
 * The route matcher of numeric params (start/routes/index.ts): any other
 * segment matches no route, so it is a 404 and never reaches a query.
 */
export const rowIdMatcher = () => ({ match: ROW_ID, cast: (value: string) => Number(value) })
