import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Change counters let every app process keep read caches (the signed-in actor, directory pages) and
 * know, with one primary-key read, whether anything under them changed. Triggers bump the counters,
 * so no writer can forget to: services, the CLI, and tests that insert rows directly alike.
 *  - `directory`: organizations and memberships (lists and member counts);
 *  - `identity`: what an actor is made of (users, memberships, organization verification, revoked
 *    sessions and tokens). Session touches (last_seen_at) do not count.
 */
const TRIGGERS: { table: string; events: string[]; counters: string[] }[] = [
  { table: 'organizations', events: ['INSERT', 'UPDATE', 'DELETE'], counters: ['directory', 'identity'] },
  { table: 'memberships', events: ['INSERT', 'UPDATE', 'DELETE'], counters: ['directory', 'identity'] },
  { table: 'users', events: ['UPDATE', 'DELETE'], counters: ['identity'] },
  { table: 'sessions', events: ['UPDATE OF revoked_at', 'DELETE'], counters: ['identity'] },
  { table: 'api_tokens', events: ['UPDATE OF revoked_at', 'DELETE'], counters: ['identity'] },
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('change_counters')
    .values([
      { name: 'directory', value: 0 },
      { name: 'identity', value: 0 },
    ])
    .execute();
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const { table, events, counters } of TRIGGERS) {
    const list = counters.map((c) => `'${c}'`).join(', ');
    const bump = `UPDATE change_counters SET value = value + 1 WHERE name IN (${list})`;
    if (isPostgres) {
      const fn = `bump_counters_${table}`;
      await sql
        .raw(
          `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump}; RETURN NULL; END $$`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_changed AFTER ${events.join(' OR ')} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        )
        .execute(db);
    } else {
      // SQLite has one event per trigger and row-level triggers only.
      for (const event of events) {
        const name = `${table}_changed_${event.split(' ')[0]!.toLowerCase()}`;
        await sql.raw(`CREATE TRIGGER ${name} AFTER ${event} ON ${table} BEGIN ${bump}; END`).execute(db);
      }
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const { table, events } of TRIGGERS) {
    if (isPostgres) {
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_changed ON ${table}`).execute(db);
      await sql.raw(`DROP FUNCTION IF EXISTS bump_counters_${table}()`).execute(db);
    } else {
      for (const event of events) {
        await sql
          .raw(`DROP TRIGGER IF EXISTS ${table}_changed_${event.split(' ')[0]!.toLowerCase()}`)
          .execute(db);
      }
    }
  }
  await db.schema.dropTable('change_counters').ifExists().execute();
}
