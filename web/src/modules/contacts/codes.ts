import { useMemo } from 'react';
import codes from '../../../../src/modules/contacts/data/codes.json' with { type: 'json' };
import { indexCodeLists, useCodeLabels } from '../../lib/localized.ts';
import type { PocService } from './types.ts';

const INDEX = indexCodeLists({ roles: codes.pocRoles, services: codes.pocServices });

/** The service codes in the order the code list gives them. */
export const SERVICE_CODES: readonly PocService[] = codes.pocServices.map(
  (entry) => entry.code as PocService,
);

/** Role and service labels (and service descriptions) from the shared code list, in the UI language. */
export function usePocCodes() {
  const { label, description } = useCodeLabels(INDEX);
  return useMemo(
    () => ({
      roleLabel: (code: string) => label('roles', code),
      serviceLabel: (code: string) => label('services', code),
      serviceDescription: (code: string) => description('services', code),
    }),
    [label, description],
  );
}
