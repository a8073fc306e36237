import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router.get('/health/live', [controllers.Health, 'live']).as('health.live')
// A signed-in admin sees the full report.
router
  .get('/health/ready', [controllers.Health, 'ready'])
  .as('health.ready')
  .use(middleware.silentAuth())
