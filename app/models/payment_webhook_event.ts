import { PaymentWebhookEventSchema } from '#database/schema'

/** A provider's webhook event as received, in the inbox that makes delivery exactly-once. */
export default class PaymentWebhookEvent extends PaymentWebhookEventSchema {}
