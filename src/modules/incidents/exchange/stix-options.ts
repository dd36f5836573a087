import type { AppContext } from '../../../core/context.ts';
import type { StixExportOptions } from '../stix/export.ts';

/** How this instance signs what it exports: its identity is named after its public address. */
export function stixExportOptions(ctx: AppContext): StixExportOptions {
  return {
    publicUrl: ctx.config.publicUrl,
    instanceIdentity: { name: `Common Ground (${new URL(ctx.config.publicUrl).host})` },
  };
}
