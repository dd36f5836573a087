import sectors from '../../../../src/core/reference/data/sectors.json' with { type: 'json' };
import assistanceCodes from '../../../../src/modules/assistance/data/codes.json' with { type: 'json' };
import contactCodes from '../../../../src/modules/contacts/data/codes.json' with { type: 'json' };
import { type CodeEntry, indexCodeLists, useCodeLabels as useCodeListLabels } from '../../lib/localized.ts';

/** The code lists in the six UN languages, as the server keeps them; no catalog repeats these labels. */
const LISTS = {
  messageTypes: assistanceCodes.messageTypes,
  incidentStatuses: assistanceCodes.incidentStatuses,
  impactLevels: assistanceCodes.impactLevels,
  urgencies: assistanceCodes.urgencies,
  requestStatuses: assistanceCodes.requestStatuses,
  decisions: assistanceCodes.decisions,
  pocRoles: contactCodes.pocRoles,
  services: contactCodes.pocServices,
  sectors,
} satisfies Record<string, CodeEntry[]>;

export type CodeList = keyof typeof LISTS;

const INDEX = indexCodeLists<CodeList>(LISTS);

/** The codes of a list in the order the server keeps them. */
export const codesOf = (list: CodeList): string[] => LISTS[list].map((entry: CodeEntry) => entry.code);

/** Labels and descriptions of codes in the UI language, falling back to English, then to the code. */
export const useCodeLabels = () => useCodeListLabels(INDEX);
