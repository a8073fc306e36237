import { ShippingPolicyEvent } from '#events/subject_events'

/** A seller saved a new version of a shipping policy; the change holds the before/after options. */
export default class ShippingPolicyChanged extends ShippingPolicyEvent {
  static action = 'shipping_policy.changed'
}
