import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/**
 * Decides once per run whether PostgreSQL is there. In CI it must be: the run fails instead of
 * skipping. On a laptop without it, the PostgreSQL half of the suites is skipped, and we say so.
 */
export default async function setup(project: TestProject): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  let isAvailable = false;
  try {
    await client.connect();
    await client.query('select 1');
    isAvailable = true;
  } catch (error) {
    if (process.env.CI) {
      throw new Error(
        `PostgreSQL is required in CI but ${TEST_POSTGRES_URL} did not answer: ${String(error)}`,
      );
    }
    console.warn(
      `\n[tests] PostgreSQL at ${TEST_POSTGRES_URL} is not reachable: the PostgreSQL runs of the database suites are SKIPPED.\n`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  project.provide('postgresUrl', isAvailable ? TEST_POSTGRES_URL : null);
}
