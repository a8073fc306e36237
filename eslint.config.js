import { configApp } from '@adonisjs/eslint-config'

export default configApp({ ignores: ['bin/start.js', 'tmp/**', 'storage/**'] })
