import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { StateMachine } from '#lifecycles/state_machine'
import { sqlTimestamp } from '#services/sql_time'

/** Rows an UPDATE/DELETE touched, whatever shape the driver reports it in. */
export function affectedRows(result: unknown): number {
  if (typeof result === 'number') return result
  if (Array.isArray(result)) return typeof result[0] === 'number' ? result[0] : result.length
  return 0
}

/**
 * Takes `action` on a row with one conditional UPDATE (`WHERE status IN
 * (the action's source states)`). Returns whether this call made the move:
 * of two racing callers (a webhook and a return URL, an expiry job and a
 * payment) exactly one gets `true`; the other changes nothing.
 */
export async function transitionRow<State extends string, Action extends string>(
  trx: TransactionClientContract,
  table: string,
  id: number,
  machine: StateMachine<State, Action>,
  action: Action,
  columns: Record<string, unknown> = {}
): Promise<boolean> {
  const result = await trx
    .from(table)
    .where('id', id)
    .whereIn('status', [...machine.sources(action)])
    .update({ ...columns, status: machine.transitions[action].to, updated_at: sqlTimestamp(trx) })
  return affectedRows(result) === 1
}
