/*
 * Routes by audience; each file registers its own group.
 */
import './health.js'
import './storefront.js'
import './shop.js'
import './account.js'
import './seller.js'
import './admin.js'
import './api.js'
import './webhooks.js'
import './dev.js'
