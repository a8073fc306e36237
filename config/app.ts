import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'

/**
 * The public address of the shop (no trailing slash), for links that leave
 * the site: payment providers' return URLs, order links in emails. Unless
 * APP_URL is set, it follows where the server listens (HOST and PORT), so a
 * shop started on another port still mails working links.
 */
export const appUrl = (
  env.get('APP_URL') ||
  `http://${['0.0.0.0', '::'].includes(env.get('HOST')) ? 'localhost' : env.get('HOST')}:${env.get('PORT')}`
).replace(/\/$/, '')

/**
 * HTTP server settings. Async local storage is on so that listeners (the audit
 * log) can read the request id, IP and user agent of the request that caused
 * an event.
 */
export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  useAsyncLocalStorage: true,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction && (env.get('APP_URL') ?? '').startsWith('https://'),
    sameSite: 'lax',
  },
})
