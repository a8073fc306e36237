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
