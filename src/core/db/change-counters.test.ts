import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../schema.ts';
import { readChangeCounters } from './change-counters.ts';
import { type DatabaseHandle, openDatabase } from './database.ts';

describe('change counters on SQLite, read from memory while nothing changed', () => {
  let dir: string;
  let server: DatabaseHandle;
  let other: DatabaseHandle;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-counters-'));
    server = openDatabase(`sqlite:${join(dir, 'db.sqlite')}`);
    await migrateToLatest(server);
    // A second connection to the same file stands for another process, such as a CLI command.
    other = openDatabase(`sqlite:${join(dir, 'db.sqlite')}`);
  });
  afterEach(async () => {
    await server.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const bump = (handle: DatabaseHandle) =>
    handle.db
      .updateTable('change_counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', 'identity')
      .execute();

  it('sees its own writes at once', async () => {
    const before = await readChangeCounters(server.db);
    expect(await readChangeCounters(server.db)).toEqual(before);
    await bump(server);
    expect((await readChangeCounters(server.db)).identity).toBe(before.identity + 1);
  });

  it('sees another connection’s commits at once', async () => {
    const before = await readChangeCounters(server.db);
    await bump(other);
    expect((await readChangeCounters(server.db)).identity).toBe(before.identity + 1);
    await bump(other);
    await bump(other);
    expect((await readChangeCounters(server.db)).identity).toBe(before.identity + 3);
  });
});
