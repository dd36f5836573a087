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

  it('seeds demo points of contact and requests once, and names the POC accounts', async () => {
    // The previous test loaded the demo; loading it again changes nothing and prints the same accounts.
    const again = await commonground(['seed', '--demo'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/admin@national-csirt\.demo\.invalid .*\[POC\]/);
    expect(again.stdout).not.toMatch(/analyst@national-csirt\.demo\.invalid .*\[POC\]/);
    expect(again.stdout).toContain('same TOTP secret as the platform admin');

    const db = new SQLite(join(dir, 'cg.db'), { readonly: true });
    const now = new Date().toISOString();
    const entries = db
      .prepare(
        `select p.role, p.languages, p.services, p.valid_until, p.openpgp_fingerprint, o.name as org, u.email,
                u.totp_secret, u.totp_enabled_at
           from poc_entries p join organizations o on o.id = p.org_id join users u on u.id = p.user_id
          where p.removed_at is null`,
      )
      .all() as {
      role: string;
      languages: string;
      services: string;
      valid_until: string;
      openpgp_fingerprint: string | null;
      org: string;
      email: string;
      totp_secret: string | null;
      totp_enabled_at: string | null;
    }[];
    const admin = db
      .prepare('select totp_secret from users where email = ?')
      .get('secretariat@demo.commonground.invalid') as { totp_secret: string };
    const requests = db
      .prepare(
        `select r.type, r.tlp, r.sector, r.acknowledge_by, r.assistance_requested, s.name as sender,
                o.name as recipient, x.status
           from assistance_requests r
           join organizations s on s.id = r.sender_org_id
           join assistance_recipients x on x.request_id = r.id
           join organizations o on o.id = x.org_id
          order by r.type`,
      )
      .all() as {
      type: string;
      tlp: string;
      sector: string;
      acknowledge_by: string;
      assistance_requested: string;
      sender: string;
      recipient: string;
      status: string;
    }[];
    db.close();

    expect(entries).toHaveLength(7);
    const stale = entries.filter((entry) => entry.valid_until <= now);
    expect(stale.map((entry) => [entry.org, entry.role])).toEqual([
      ['Demo National Cyber Agency (Chile desk)', 'diplomatic'],
    ]);
    const inThirtyDays = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect(
      entries.filter((entry) => entry.valid_until > now && entry.valid_until <= inThirtyDays),
    ).toHaveLength(1);
    const csirt = entries.find((entry) => entry.org === 'Demo National CSIRT');
    expect(csirt?.openpgp_fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(JSON.parse(csirt?.languages ?? '[]')).toEqual(['fr', 'en']);
    expect(JSON.parse(csirt?.services ?? '[]')).toEqual([
      'incident_coordination',
      'forensics',
      'malware_analysis',
    ]);
    // Every holder signs in with TOTP: the demo gives them the admin's secret.
    for (const entry of entries) {
      expect(entry.totp_secret).toBe(admin.totp_secret);
      expect(entry.totp_enabled_at).not.toBeNull();
    }

    expect(requests).toHaveLength(2);
    const [notification, assistance] = requests;
    if (!notification || !assistance) throw new Error('the demo requests are missing');
    expect(notification).toMatchObject({
      type: 'notification',
      tlp: 'TLP:GREEN',
      sender: 'Demo National Cyber Agency (Chile desk)',
      recipient: 'Demo Ministry of Foreign Affairs (Kenya desk)',
      status: 'sent',
    });
    expect(notification.acknowledge_by < now).toBe(true);
    expect(notification.acknowledge_by > new Date(Date.now() - 3_600_000).toISOString()).toBe(true);
    expect(assistance).toMatchObject({
      type: 'request_for_assistance',
      tlp: 'TLP:AMBER',
      sector: 'health',
      sender: 'Demo Ministry of Foreign Affairs (Kenya desk)',
      recipient: 'Demo National CSIRT',
      status: 'accepted',
    });
    expect(JSON.parse(assistance.assistance_requested)).toEqual(['malware_analysis', 'forensics']);
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
