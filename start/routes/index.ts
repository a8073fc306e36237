/*
 * Routes by audience; each file registers its own group.
 */
import './health.js'
import './metrics.js'
import './storefront.js'
import './shop.js'
import './account.js'
import './seller.js'
import './admin.js'
import './api.js'
import './webhooks.js'
import './payments_stripe.js'
import './payments_toss.js'
import './payments_naverpay.js'
import './dev.js'
