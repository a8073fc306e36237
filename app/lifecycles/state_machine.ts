import { Exception } from '@adonisjs/core/exceptions'

/**
 * Raised when an action is not allowed from the current state, e.g. publishing
 * a draft that was never submitted. Answered with 409 Conflict.
 */
export class InvalidTransitionException extends Exception {
  static status = 409
  static code = 'E_INVALID_TRANSITION'
}

type Transitions<State extends string, Action extends string> = Record<
  Action,
  { from: readonly State[]; to: State }
>

/**
 * A small finite-state machine: each action names the states it may start
 * from and the state it leads to. Aggregates declare one and never compare
 * status strings anywhere else.
 */
export class StateMachine<State extends string, Action extends string> {
  constructor(
    readonly name: string,
    readonly transitions: Transitions<State, Action>
  ) {}

  /** Whether `action` may be taken from `state`. */
  can(state: State, action: Action): boolean {
    return this.transitions[action].from.includes(state)
  }

  /** The state `action` leads to from `state`, or an InvalidTransitionException. */
  next(state: State, action: Action): State {
    if (!this.can(state, action)) {
      throw new InvalidTransitionException(
        `Cannot ${action.replaceAll('_', ' ')} ${/^[aeiou]/.test(this.name) ? 'an' : 'a'} ${this.name} that is ${state.replaceAll('_', ' ')}`
      )
    }
    return this.transitions[action].to
  }

  /** The states from which `action` may be taken, for use in queries. */
  sources(action: Action): readonly State[] {
    return this.transitions[action].from
  }

  /** The actions available from `state`, e.g. to show the right buttons. */
  actionsFrom(state: State): Action[] {
    return (Object.keys(this.transitions) as Action[]).filter((action) => this.can(state, action))
  }
}
