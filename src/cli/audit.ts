import { loadConfig } from '../config.ts';
import { verifyAuditChain } from '../core/audit/audit.ts';
import { openDatabase } from '../core/db/database.ts';

export async function auditVerifyCommand(): Promise<number> {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  try {
    const result = await verifyAuditChain(database.db);
    if (result.isIntact) {
      process.stdout.write(`Audit chain intact: ${result.eventCount} events verified.\n`);
      return 0;
    }
    const broken = result.firstBroken!;
    process.stderr.write(
      `Audit chain BROKEN at event #${broken.seq}${broken.id ? ` (${broken.id})` : ''}: ${broken.reason}.\n` +
        `${result.eventCount} events before it verified.\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
