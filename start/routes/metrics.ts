import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

// Sessionless (see SessionMiddleware): a scraper never gets a session cookie.
router.get('/metrics', [controllers.Metrics, 'show']).as('metrics')
