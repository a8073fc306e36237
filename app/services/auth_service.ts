import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'
import { rateLimitSubject } from '#services/client_address'

/**
 * Failed sign-ins allowed per email and IP before the pair is blocked for a
 * while. Correct credentials reset the count.
 */
const loginLimiter = () => limiter.use({ requests: 5, duration: '1 min', blockDuration: '15 mins' })

/**
 * Checks credentials for the login form and the API alike. Unknown emails and
 * wrong passwords fail the same way, in the same time (E_INVALID_CREDENTIALS);
 * repeated failures raise E_TOO_MANY_REQUESTS.
 */
export async function attemptLogin(email: string, password: string, ip: string): Promise<User> {
  const key = `login:${rateLimitSubject(ip)}:${email.toLowerCase()}`
  const [throttled, user] = await loginLimiter().penalize(key, () =>
    User.verifyCredentials(email, password)
  )
  if (throttled) throw throttled
  return user
}
