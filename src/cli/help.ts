import { CONFIG_VARIABLES } from '../config.ts';

type OptionSpec = Record<string, { type: 'boolean' | 'string'; short?: string }>;

export const COMMANDS: Record<
  string,
  { summary: string; usage: string; details: string; options: OptionSpec }
> = {
  serve: {
    summary: 'Migrate, seed reference data and serve the platform',
    usage: 'commonground serve [--demo]',
    details:
      'Applies pending migrations, loads the reference data and serves the web app and API on PORT.\nOn an instance with no platform admin it prints a one-time setup link.\n--demo  use a separate database (data/demo.db unless DATABASE_URL is set) filled with a fictional\n        demo dataset, and print its sign-in details.',
    options: { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  },
  migrate: {
    summary: 'Apply pending database migrations',
    usage: 'commonground migrate',
    details: 'Brings the database at DATABASE_URL to the latest schema. Safe to run repeatedly.',
    options: { help: { type: 'boolean', short: 'h' } },
  },
  seed: {
    summary: 'Load reference data (countries, regions); --demo adds the demo dataset',
    usage: 'commonground seed [--demo]',
    details:
      'Loads the shipped reference data into the database; with --demo also the fictional demo dataset.',
    options: { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  },
  'admin create': {
    summary: 'Print a one-time link that creates a platform admin',
    usage: 'commonground admin create --email <address>',
    details:
      'Creates a setup link, valid for 24 hours, bound to the e-mail address. The person who opens it chooses\na password and must enrol an authenticator app (TOTP is required for platform admins).',
    options: { email: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  },
  'audit verify': {
    summary: 'Recompute the hash chain of the audit log',
    usage: 'commonground audit verify',
    details: 'Exits 0 when the chain is intact; otherwise exits 1 and names the first event that breaks it.',
    options: { help: { type: 'boolean', short: 'h' } },
  },
  backup: {
    summary: 'Make an online backup of the SQLite database',
    usage: 'commonground backup [--output <file>]',
    details:
      'Copies the live SQLite database to a consistent file (default: DATA_DIR/backups/commonground-<time>.db)\nwhile the server keeps running. On PostgreSQL it explains how to use pg_dump instead, and exits 2.',
    options: { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  },
};

export function printHelp(command?: string): void {
  const spec = command ? COMMANDS[command] : undefined;
  if (spec) {
    process.stdout.write(`Usage: ${spec.usage}\n\n${spec.summary}.\n\n${spec.details}\n`);
    if (command === 'serve') {
      process.stdout.write('\nConfiguration (environment variables):\n');
      for (const [name, variable] of Object.entries(CONFIG_VARIABLES)) {
        process.stdout.write(
          `  ${name.padEnd(31)} ${variable.doc}${variable.default ? ` [${variable.default}]` : ''}\n`,
        );
      }
    }
    return;
  }
  process.stdout.write('Usage: commonground <command> [options]\n\nCommands:\n');
  for (const [name, value] of Object.entries(COMMANDS)) {
    process.stdout.write(`  ${name.padEnd(14)} ${value.summary}\n`);
  }
  process.stdout.write('\nRun "commonground <command> --help" for details.\n');
}
