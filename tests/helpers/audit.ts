import db from '@adonisjs/lucid/services/db'

/**
 * Makes the database refuse audit rows for one action, the way a full disk,
 * a lost connection or a constraint would make the append fail, on SQLite
 * and PostgreSQL alike. Returns the undo.
 */
export async function refuseAuditRows(action: string) {
  if (db.connection().dialect.name === 'postgres') {
    await db.rawQuery(`
      CREATE OR REPLACE FUNCTION refuse_audit_row() RETURNS trigger AS $$
      BEGIN
        IF NEW.action = '${action}' THEN RAISE EXCEPTION 'audit row refused'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`)
    await db.rawQuery(
      'CREATE TRIGGER refuse_audit_row BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit_row()'
    )
    return async () => {
      await db.rawQuery('DROP TRIGGER IF EXISTS refuse_audit_row ON audit_events')
      await db.rawQuery('DROP FUNCTION IF EXISTS refuse_audit_row()')
    }
  }
  await db.rawQuery(`
    CREATE TRIGGER refuse_audit_row BEFORE INSERT ON audit_events
    WHEN NEW.action = '${action}'
    BEGIN SELECT RAISE(ABORT, 'audit row refused'); END`)
  return async () => {
    await db.rawQuery('DROP TRIGGER IF EXISTS refuse_audit_row')
  }
}
