import { SessionLucidUserProvider } from '@adonisjs/auth/session'
import type { SessionGuardUser } from '@adonisjs/auth/types/session'
import type User from '#models/user'

type UserModel = typeof User

/**
 * Finds the signed-in user of a web session by id and session version: the
 * session remembers "42:3", and once a password change has moved the user
 * to version 4 that session no longer signs anyone in. The check costs
 * nothing (the guard loads the user row on every request anyway) and holds
 * for every session store, Redis included, and even for a session written
 * back by a request that was still running when the version moved.
 */
export class VersionedSessionUserProvider extends SessionLucidUserProvider<UserModel> {
  async createUserForGuard(user: User): Promise<SessionGuardUser<User>> {
    const guardUser = await super.createUserForGuard(user)
    return {
      getId: () => `${guardUser.getId()}:${user.sessionVersion}`,
      getOriginal: () => user,
    }
  }

  async findById(identifier: string | number | BigInt) {
    const match = /^(\d{1,10}):(\d{1,10})$/.exec(String(identifier))
    if (!match) return null
    const found = await super.findById(Number(match[1]))
    if (!found || found.getOriginal().sessionVersion !== Number(match[2])) return null
    return found
  }
}
