import type { ApplicationService } from '@adonisjs/core/types'
import { ShippingRegistry } from '#shipping/shipping_registry'
import type { ShippingConfig } from '#shipping/define_config'

/**
 * Registers the shipping-policy registry from config/shipping.ts and checks
 * the shop's default policies at boot, so a bad default fails the start.
 */
export default class ShippingProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(ShippingRegistry, () => {
      return new ShippingRegistry(this.app.config.get<ShippingConfig>('shipping'))
    })
  }

  async boot() {
    const registry = await this.app.container.make(ShippingRegistry)
    await registry.validateDefaults()
  }
}
