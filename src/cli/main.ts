#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { backupCommand } from './backup.ts';
import { COMMANDS, printHelp } from './help.ts';

/** The `commonground` command. Each subcommand lives in its own file and answers --help. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const sub =
    command === 'admin' || command === 'audit' ? `${command} ${rest.shift() ?? ''}`.trim() : command;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    printHelp();
    return sub ? 0 : 1;
  }
  const spec = COMMANDS[sub];
  if (!spec) {
    process.stderr.write(`Unknown command "${sub}".\n\n`);
    printHelp();
    return 1;
  }
  const { values } = parseArgs({ args: rest, options: spec.options, allowPositionals: false, strict: true });
  if (values.help) {
    printHelp(sub);
    return 0;
  }
  switch (sub) {
    case 'serve': {
      const { serveCommand } = await import('./serve.ts');
      return serveCommand({ isDemo: values.demo === true });
    }
    case 'migrate': {
      const { migrateCommand } = await import('./database.ts');
      return migrateCommand();
    }
    case 'seed': {
      const { seedCommand } = await import('./database.ts');
      return seedCommand({ isDemo: values.demo === true });
    }
    case 'admin create': {
      const { adminCreateCommand } = await import('./admin.ts');
      return adminCreateCommand(String(values.email ?? ''));
    }
    case 'audit verify': {
      const { auditVerifyCommand } = await import('./audit.ts');
      return auditVerifyCommand();
    }
    case 'backup':
      return backupCommand(typeof values.output === 'string' ? values.output : undefined);
    default:
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // serve keeps running; every other command ends here.
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
