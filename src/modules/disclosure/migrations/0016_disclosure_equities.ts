import type { Kysely } from 'kysely';

// Aggregate vulnerabilities-equities figures of State programs: numbers per period, nothing else.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_equities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('disclosure_programs.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('disclosed_count', 'integer', (c) => c.notNull())
    .addColumn('retained_count', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('disclosure_equities_period', ['program_id', 'period'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disclosure_equities').execute();
}
