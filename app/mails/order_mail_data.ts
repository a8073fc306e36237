/**
 * What the order mails are built from: plain, JSON-safe data assembled by the
 * listener that sends them, so a mail never loads models itself. Money is in
 * integer minor units of `currency`; dates are ISO 8601 strings.
 */

export type MailLocale = 'ko' | 'en'

export interface MailLineItem {
  title: string
  /** "Blue / L"; empty when the product has a single variant. */
  variantLabel: string
  quantity: number
  unitPrice: number
  lineTotal: number
  /** How many of it were refunded so far; absent or 0 when none. */
  refundedQuantity?: number
}

/**
 * One reason a shipping fee was charged or waived, as the shipping policy
 * quoted it; the mail shows it translated by its code, as pages do.
 */
export interface MailShippingLine {
  code: string
  label: string
  amount: number
  params?: Record<string, string | number>
}

/** One seller's share of an order: its items and its shipping fee (묶음배송). */
export interface MailParcel {
  sellerName: string
  items: MailLineItem[]
  subtotal: number
  shippingAmount: number
  shippingBreakdown: MailShippingLine[]
}

export interface MailAddress {
  name: string
  phone: string
  /** ISO 3166-1 alpha-2, e.g. KR. */
  country: string
  postalCode: string
  line1: string
  line2?: string | null
  city?: string | null
  region?: string | null
}

/** Where and how much to transfer for a bank-transfer (무통장입금) order. */
export interface MailTransferInstructions {
  bankName: string
  accountNumber: string
  accountHolder: string
  amount: number
  currency: string
  /** The memo the customer writes on the transfer, so the deposit can be matched. */
  reference: string
  dueAt: string
}

export interface MailPayment {
  /** Payment adapter code, e.g. bank_transfer, stripe. */
  method: string
  /** Shown to the customer, e.g. "무통장입금" / "Bank transfer". */
  methodLabel: string
  instructions?: MailTransferInstructions | null
  /** When the payment was captured; set for OrderPaidMail. */
  paidAt?: string | null
}

/** An order as the customer sees it: OrderPlacedMail, OrderPaidMail. */
export interface OrderMailData {
  orderNumber: string
  locale: MailLocale
  email: string
  customerName: string
  currency: string
  placedAt: string
  /** Absolute URL of the order page in the customer's account. */
  orderUrl: string
  sellers: MailParcel[]
  totals: { subtotal: number; shipping: number; grandTotal: number }
  shippingAddress: MailAddress
  payment: MailPayment
}

/** One seller's parcel of an order left its warehouse: SellerOrderShippedMail. */
export interface ShipmentMailData {
  order: OrderMailData
  /** Must match one of `order.sellers[].sellerName`; that parcel's items are listed. */
  sellerName: string
  carrier: string
  trackingNumber: string
  trackingUrl?: string | null
}

/** A paid order a seller must ship, sent to the seller's contact email: NewSellerOrderMail. */
export interface SellerOrderMailData extends MailParcel {
  sellerEmail: string
  orderNumber: string
  locale: MailLocale
  currency: string
  paidAt: string
  shippingAddress: MailAddress
  /** Absolute URL of the order in the seller center. */
  sellerOrderUrl: string
}

/** An item a refund gives back. */
export interface MailRefundItem {
  title: string
  variantLabel: string
  quantity: number
}

/** A refund went through: RefundIssuedMail, to the customer. */
export interface RefundMailData {
  order: OrderMailData
  refund: {
    amount: number
    /** The operator's words, or null when the store wrote the reason (then `reasonKey`). */
    reason: string | null
    /** A key under refunds.reasons, for reasons the store wrote itself. */
    reasonKey: string | null
    refundedAt: string
    /** The seller whose share was refunded; null for the order as a whole. */
    sellerName: string | null
    items: MailRefundItem[]
  }
  /** Of all the order's payments: captured, and refunded so far (this refund included). */
  paid: number
  refunded: number
}
