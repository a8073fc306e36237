import { createHash } from 'node:crypto'
import { PaymentAdapterMisconfiguredException } from '#payments/errors'
import type {
  CancelInput,
  CaptureInput,
  ConfirmInput,
  InitiateInput,
  PaymentAdapter,
  PaymentResult,
  PaymentSession,
  RefundInput,
  RefundResult,
} from '#payments/types'

/** The shop's account the shopper transfers to. */
export interface BankTransferOptions {
  bankName: string
  accountNumber: string
  accountHolder: string
}

/** Where each option comes from in config/payments.ts, for the boot-time error. */
const ENV_KEYS: Record<keyof BankTransferOptions, string> = {
  bankName: 'BANK_TRANSFER_BANK_NAME',
  accountNumber: 'BANK_TRANSFER_ACCOUNT_NUMBER',
  accountHolder: 'BANK_TRANSFER_ACCOUNT_HOLDER',
}

/**
 * 무통장입금: the shopper transfers the amount with the order number in the
 * memo; an admin marks the deposit received (capture) and refunds by
 * transferring back. No provider is involved, so every call answers at once.
 */
export class BankTransferAdapter implements PaymentAdapter {
  readonly code = 'bank_transfer'
  readonly label = { ko: '무통장입금', en: 'Bank transfer' }
  readonly capabilities = {
    manualCapture: false,
    refunds: true,
    partialRefunds: true,
    savedMethods: false,
    webhooks: false,
  }

  /** Fails at boot with the environment variable to set, not at checkout. */
  static validateOptions(options: Partial<BankTransferOptions>): BankTransferOptions {
    for (const [option, envKey] of Object.entries(ENV_KEYS)) {
      if (!options[option as keyof BankTransferOptions]?.trim()) {
        throw new PaymentAdapterMisconfiguredException(
          `Bank transfer needs "${option}": set ${envKey} in the environment (config/payments.ts)`
        )
      }
    }
    return options as BankTransferOptions
  }

  readonly #options: BankTransferOptions

  constructor(options: Partial<BankTransferOptions>) {
    this.#options = BankTransferAdapter.validateOptions(options)
  }

  async initiate(input: InitiateInput): Promise<PaymentSession> {
    return {
      type: 'instructions',
      instructions: {
        ...this.#options,
        amount: input.amount,
        currency: input.currency,
        reference: input.orderNumber,
        dueAt: input.expiresAt,
      },
      providerReference: `bt_${input.attemptId}`,
    }
  }

  /** The shopper says they transferred; nothing is known until the admin checks. */
  async confirm(input: ConfirmInput): Promise<PaymentResult> {
    return { status: 'pending', providerReference: input.providerReference }
  }

  /** An admin saw the deposit arrive. */
  async capture(input: CaptureInput): Promise<PaymentResult> {
    return {
      status: 'captured',
      providerReference: input.providerReference,
      amount: input.amount,
      currency: input.currency,
    }
  }

  /** An admin transfers the money back; the reference is stable per idempotency key. */
  async refund(input: RefundInput): Promise<RefundResult> {
    const digest = createHash('sha256').update(input.idempotencyKey).digest('hex')
    return {
      status: 'refunded',
      refundReference: `btr_${digest.slice(0, 24)}`,
      amount: input.amount,
      currency: input.currency,
    }
  }

  async cancel(input: CancelInput): Promise<PaymentResult> {
    return { status: 'canceled', providerReference: input.providerReference }
  }
}
