import { Exception } from '@adonisjs/core/exceptions'

/**
 * The provider could not be reached or answered with a server error. Nothing
 * is known about the payment; the caller retries with the same idempotency key.
 */
export class PaymentProviderUnavailableException extends Exception {
  static status = 503
  static code = 'E_PAYMENT_PROVIDER_UNAVAILABLE'
}

/** A payment adapter code that config/payments.ts does not register. */
export class UnknownPaymentAdapterException extends Exception {
  static status = 404
  static code = 'E_UNKNOWN_PAYMENT_ADAPTER'

  constructor(code: string) {
    super(`Unknown payment adapter "${code}". Register it in config/payments.ts`)
  }
}

/**
 * The adapter cannot do what was asked (a refund on a method without refunds).
 * Callers check `capabilities` first, so reaching this is a bug, not a decline.
 */
export class PaymentOperationUnsupportedException extends Exception {
  static status = 422
  static code = 'E_PAYMENT_OPERATION_UNSUPPORTED'

  constructor(adapter: string, operation: string) {
    super(`The "${adapter}" payment adapter does not support ${operation}`)
  }
}

/** A webhook whose signature does not match: answered 400 and never processed. */
export class InvalidWebhookSignatureException extends Exception {
  static status = 400
  static code = 'E_INVALID_WEBHOOK_SIGNATURE'
}

/**
 * An adapter's options are missing or wrong. Thrown while config/payments.ts
 * loads, so a shop fails at boot, not at its first checkout.
 */
export class PaymentAdapterMisconfiguredException extends Exception {
  static status = 500
  static code = 'E_PAYMENT_ADAPTER_MISCONFIGURED'
}

/**
 * The provider refused to save a payment method (an invalid or expired card).
 * `reason` is the provider's decline code, e.g. `invalid_number`.
 */
export class PaymentMethodRejectedException extends Exception {
  static status = 422
  static code = 'E_PAYMENT_METHOD_REJECTED'

  constructor(
    readonly reason: string,
    message: string
  ) {
    super(message)
  }
}
