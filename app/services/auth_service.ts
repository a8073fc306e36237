import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'
import { failValidation } from '#services/validation'
import { rateLimitSubject } from '#services/client_address'

/**
 * Failed password checks allowed per key (email or user, with the IP) before
 * the key is blocked for a while. A correct password resets the count.
 */
const passwordLimiter = () =>
  limiter.use({ requests: 5, duration: '1 min', blockDuration: '15 mins' })

/**
 * Checks credentials for the login form and the API alike. Unknown emails and
 * wrong passwords fail the same way, in the same time (E_INVALID_CREDENTIALS);
 * repeated failures raise E_TOO_MANY_REQUESTS.
 */
export async function attemptLogin(email: string, password: string, ip: string): Promise<User> {
  const key = `login:${rateLimitSubject(ip)}:${email.toLowerCase()}`
  const [throttled, user] = await passwordLimiter().penalize(key, () =>
    User.verifyCredentials(email, password)
  )
  if (throttled) throw throttled
  return user
}

/**
 * Checks a signed-in user's current password before a credential change: a
 * wrong one is a field error, and repeated failures per user and IP raise
 * E_TOO_MANY_REQUESTS, so a borrowed session cannot guess the password.
 */
export async function verifyCurrentPassword(user: User, password: string, ip: string) {
  const [throttled] = await passwordLimiter().penalize(
    `current-password:${rateLimitSubject(ip)}:${user.id}`,
    async () => {
      if (!(await user.verifyPassword(password))) {
        failValidation('currentPassword', 'The current password is not correct', 'currentPassword')
      }
    }
  )
  if (throttled) throw throttled
}
