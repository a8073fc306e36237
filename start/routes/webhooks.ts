import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

/*
 * Payment providers' webhooks. No session or CSRF: each delivery is
 * authenticated by the adapter's signature check (config/shield.ts exempts
 * /webhooks).
 */
router
  .post('/webhooks/:adapter', [controllers.webhooks.PaymentWebhooks, 'store'])
  .as('webhooks.payments')
  .where('adapter', /^[a-z0-9_]{1,40}$/)
