import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function commonground(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['src/cli/main.ts', ...args],
      { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('the commonground command', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cg-cli-'));
    env = {
      DATA_DIR: dir,
      DATABASE_URL: `sqlite:${join(dir, 'cg.db')}`,
      PUBLIC_URL: 'https://cg.example.org',
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists its commands, and each command explains itself', async () => {
    const help = await commonground(['--help'], env);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'admin create', 'audit verify', 'backup']) {
      expect(help.stdout).toContain(command);
    }
    for (const command of [
      ['serve'],
      ['migrate'],
      ['seed'],
      ['admin', 'create'],
      ['audit', 'verify'],
      ['backup'],
    ]) {
      const run = await commonground([...command, '--help'], env);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: commonground ${command.join(' ')}`);
    }
    expect((await commonground(['serve', '--help'], env)).stdout).toContain('DATABASE_URL');
    const unknown = await commonground(['frobnicate'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command');
  }, 120_000);

  it('migrates, seeds, and prints an admin setup link', async () => {
    const migrate = await commonground(['migrate'], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('0001_core');
    expect((await commonground(['migrate'], env)).stdout).toContain('up to date');
    const seed = await commonground(['seed'], env);
    expect(seed.stdout).toMatch(/249 countries/);
    const link = await commonground(['admin', 'create', '--email', 'chair@secretariat.example'], env);
    expect(link.code).toBe(0);
    expect(link.stdout).toMatch(/https:\/\/cg\.example\.org\/setup#token=[\w-]{40,}/);
    expect((await commonground(['admin', 'create'], env)).code).toBe(1);
  }, 120_000);

  it('verifies the audit chain and names the first broken event', async () => {
    const intact = await commonground(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/intact/);
    // `seed --demo` writes an audit event; then someone edits history behind the platform's back.
    await commonground(['seed', '--demo'], env);
    const db = new SQLite(join(dir, 'cg.db'));
    db.prepare("update audit_events set summary = 'nothing happened' where seq = 1").run();
    const id = (db.prepare('select id from audit_events where seq = 1').get() as { id: string }).id;
    db.close();
    const broken = await commonground(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`#1 (${id})`);
  }, 120_000);

  it('makes an online SQLite backup, and explains pg_dump on PostgreSQL', async () => {
    const target = join(dir, 'backup.db');
    const backup = await commonground(['backup', '--output', target], env);
    expect(backup.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const copy = new SQLite(target, { readonly: true });
    const count = copy.prepare('select count(*) as n from organizations').get() as { n: number };
    copy.close();
    expect(count.n).toBeGreaterThan(0);
    const postgres = await commonground(['backup'], {
      ...env,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    });
    expect(postgres.code).toBe(2);
    expect(postgres.stdout).toContain('pg_dump');
  }, 120_000);
});
