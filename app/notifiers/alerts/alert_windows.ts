import db from '@adonisjs/lucid/services/db'
import { isUniqueViolation } from '#services/validation'
import type { Alert } from '#notifiers/alerts/alert'

const TABLE = 'alert_windows'

/**
 * Deduplication of alerts by fingerprint, in the database so every web and
 * worker process shares it (SQLite and PostgreSQL alike): the first
 * occurrence opens a window and is sent; repeats only add to a counter
 * that SummarizeAlerts turns into one summary when the window ends.
 */
export const alertWindows = {
  /**
   * Records one occurrence. True when it opened the window (send it now);
   * false when it was counted into an open one. A window left open far past
   * its end (its summary job was lost) is reopened rather than kept forever.
   */
  async open(alert: Alert, windowMs: number): Promise<boolean> {
    const now = new Date()
    try {
      await db.table(TABLE).insert({
        fingerprint: alert.fingerprint,
        kind: alert.kind,
        alert: JSON.stringify(alert),
        repeats: 0,
        opened_at: now,
      })
      return true
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
    const staleBefore = new Date(now.getTime() - 3 * windowMs)
    const reopened = await db
      .from(TABLE)
      .where('fingerprint', alert.fingerprint)
      .where('opened_at', '<', staleBefore)
      .update({ repeats: 0, opened_at: now, alert: JSON.stringify(alert) })
    if (Number(reopened) > 0) return true
    await db.from(TABLE).where('fingerprint', alert.fingerprint).increment('repeats', 1)
    return false
  },

  /**
   * Ends a window: the repeats counted since the last message, with the alert
   * they repeat, and the window starts again; or null when there were none,
   * and the window is closed (the next occurrence is sent at once).
   */
  async close(fingerprint: string): Promise<{ alert: Alert; repeats: number } | null> {
    for (;;) {
      const row = await db.from(TABLE).where('fingerprint', fingerprint).first()
      if (!row) return null
      const repeats = Number(row.repeats)
      if (repeats === 0) {
        const deleted = await db.from(TABLE).where({ fingerprint, repeats: 0 }).delete()
        if (Number(deleted) > 0) return null
        continue
      }
      // Only the repeats read are taken: one counted meanwhile waits for the next summary.
      const taken = await db
        .from(TABLE)
        .where({ fingerprint })
        .where('repeats', '>=', repeats)
        .update({ repeats: db.raw('repeats - ?', [repeats]), opened_at: new Date() })
      if (Number(taken) > 0) return { alert: JSON.parse(row.alert) as Alert, repeats }
    }
  },
}
