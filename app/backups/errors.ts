/**
 * A backup or restore refused or failed for a reason the operator can act
 * on; commands print the message and exit 1. `code` names the rule.
 */
export class BackupError extends Error {
  constructor(
    readonly code:
      | 'E_BACKUP_NOT_FOUND'
      | 'E_BACKUP_WRONG_KIND'
      | 'E_DATABASE_NOT_EMPTY'
      | 'E_BACKUP_TOOL_FAILED'
      | 'E_RESTORED_CHAIN_BROKEN',
    message: string
  ) {
    super(message)
    this.name = 'BackupError'
  }
}
