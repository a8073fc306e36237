/**
 * Where an order ships, as the customer typed it and it was validated. For
 * Korea `line1` is the road address (도로명주소) and `line2` the detail
 * (동·호수); abroad the lines are the street address.
 */
export interface ShippingAddress {
  name: string
  phone: string
  /** ISO 3166-1 alpha-2, upper case. */
  country: string
  postalCode: string
  line1: string
  line2: string | null
  city: string | null
  region: string | null
}

/** A validated address form (optional lines may be absent) as stored on the order. */
export function shippingAddressFrom(
  input: Omit<ShippingAddress, 'line2' | 'city' | 'region'> &
    Partial<Pick<ShippingAddress, 'line2' | 'city' | 'region'>>
): ShippingAddress {
  return {
    ...input,
    line2: input.line2 ?? null,
    city: input.city ?? null,
    region: input.region ?? null,
  }
}
