import codes from '../../../../src/modules/contacts/data/codes.json' with { type: 'json' };
import { indexCodeLists, useCodeLabels } from '../../lib/localized.ts';
import type { PocRole } from './types.ts';

export const POC_ROLES = codes.pocRoles.map((role) => role.code as PocRole);

const INDEX = indexCodeLists({ roles: codes.pocRoles });

/** POC role labels in the interface's language, from the contacts module's code list. */
export function useRoleLabel() {
  const { label } = useCodeLabels(INDEX);
  return (code: string) => label('roles', code);
}
