/** An inclusive range of Korean 5-digit postal codes (국가기초구역번호). */
export interface PostalRange {
  from: string
  to: string
  /** Where it is, for people reading the table. */
  area?: string
}

/** Which postal codes pay the Jeju surcharge and which the island (도서산간) one. */
export interface RemoteAreaTable {
  jeju: readonly PostalRange[]
  islands: readonly PostalRange[]
}

const range = (from: string, to: string, area: string): PostalRange => ({ from, to, area })

/**
 * Remote areas as Korean couriers commonly publish them (CJ대한통운, 우체국
 * 택배). Data only: pass another table to `new RemoteAreaPolicy({ areas })`
 * in config/shipping.ts to follow your courier's list; sellers can add
 * ranges of their own in their options.
 */
export const KOREAN_REMOTE_AREAS: RemoteAreaTable = {
  jeju: [range('63000', '63644', '제주특별자치도')],
  islands: [
    range('22386', '22388', '인천 중구 도서'),
    range('23004', '23010', '인천 강화군 도서'),
    range('23100', '23116', '인천 옹진군'),
    range('23124', '23136', '인천 옹진군'),
    range('33411', '33411', '충남 보령 도서'),
    range('40200', '40240', '경북 울릉군'),
    range('52570', '52571', '경남 사천 도서'),
    range('53031', '53033', '경남 통영 도서'),
    range('53089', '53104', '경남 통영 도서'),
    range('54000', '54000', '전북 군산 도서'),
    range('56347', '56349', '전북 부안 위도'),
    range('57068', '57069', '전남 영광 도서'),
    range('58760', '58762', '전남 목포 도서'),
    range('58800', '58866', '전남 신안군'),
    range('58953', '58958', '전남 진도 도서'),
    range('59102', '59103', '전남 완도 도서'),
    range('59106', '59106', '전남 완도 도서'),
    range('59127', '59127', '전남 완도 도서'),
    range('59137', '59166', '전남 완도 도서'),
    range('59650', '59650', '전남 여수 도서'),
    range('59766', '59766', '전남 여수 도서'),
    range('59781', '59790', '전남 여수 도서'),
  ],
}

/** Whether a 5-digit postal code falls in one of `ranges` (same-length strings compare like numbers). */
export function inRanges(postalCode: string, ranges: readonly PostalRange[]): boolean {
  return ranges.some((entry) => postalCode >= entry.from && postalCode <= entry.to)
}
