/** A band of an international zone: `amount` up to and including `upToGrams`. */
export interface ZoneBand {
  upToGrams: number
  amount: number
}

/** A group of countries that share one rate card. */
export interface ShippingZone {
  name: string
  countries: string[]
  bands: ZoneBand[]
}

const bands = (amounts: number[]): ZoneBand[] =>
  [500, 1000, 2000, 5000, 10_000, 20_000, 30_000].map((upToGrams, index) => ({
    upToGrams,
    amount: amounts[index],
  }))

/**
 * Starting zones for sellers who ship abroad, shaped like Korea Post's EMS
 * rate card (KRW, up to 30 kg). Sellers edit them; these are only defaults.
 */
export const EMS_LIKE_ZONES: ShippingZone[] = [
  {
    name: 'Asia',
    countries: ['JP', 'CN', 'HK', 'TW', 'MO', 'SG', 'MY', 'TH', 'VN', 'PH', 'ID', 'MN'],
    bands: bands([22_000, 26_000, 33_000, 54_000, 86_000, 140_000, 190_000]),
  },
  {
    name: 'North America',
    countries: ['US', 'CA', 'MX'],
    bands: bands([34_000, 41_000, 55_000, 97_000, 165_000, 290_000, 400_000]),
  },
  {
    name: 'Europe',
    countries: [
      ...['GB', 'IE', 'FR', 'DE', 'NL', 'BE', 'LU', 'AT', 'CH', 'IT', 'ES', 'PT'],
      ...['DK', 'SE', 'NO', 'FI', 'PL', 'CZ'],
    ],
    bands: bands([36_000, 44_000, 58_000, 100_000, 170_000, 300_000, 420_000]),
  },
  {
    name: 'Oceania',
    countries: ['AU', 'NZ'],
    bands: bands([32_000, 39_000, 52_000, 92_000, 158_000, 280_000, 385_000]),
  },
]
