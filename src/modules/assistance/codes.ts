import type { LocalizedText, UnLanguageCode } from '../../core/reference/languages.ts';
import codes from './data/codes.json' with { type: 'json' };

// What is asked for in a request for assistance is ticked from the contacts module's POC_SERVICES;
// that list is not repeated here.

export const MESSAGE_TYPES = ['notification', 'request_for_information', 'request_for_assistance'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const INCIDENT_STATUSES = ['suspected', 'ongoing', 'contained', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const IMPACT_LEVELS = ['low', 'medium', 'high', 'critical', 'unknown'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

export const URGENCIES = ['routine', 'priority', 'immediate'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Where a message stands with one recipient. */
export const REQUEST_STATUSES = [
  'sent',
  'acknowledged',
  'accepted',
  'partially_accepted',
  'declined',
  'more_info_needed',
  'responded',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** What a recipient answers to a request; each decision is also the recipient status it leads to. */
export const DECISIONS = ['accepted', 'partially_accepted', 'declined', 'more_info_needed'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Each code list by its key in data/codes.json, which the web app imports as it is. */
export interface AssistanceCodeLists {
  messageTypes: MessageType;
  incidentStatuses: IncidentStatus;
  impactLevels: ImpactLevel;
  urgencies: Urgency;
  requestStatuses: RequestStatus;
  /** Labelled as actions ("Accept"), where requestStatuses says what happened ("Accepted"). */
  decisions: Decision;
}
export type AssistanceCodeList = keyof AssistanceCodeLists;

export const ASSISTANCE_CODES: { readonly [L in AssistanceCodeList]: readonly AssistanceCodeLists[L][] } = {
  messageTypes: MESSAGE_TYPES,
  incidentStatuses: INCIDENT_STATUSES,
  impactLevels: IMPACT_LEVELS,
  urgencies: URGENCIES,
  requestStatuses: REQUEST_STATUSES,
  decisions: DECISIONS,
};

export interface CodeEntry<C extends string = string> {
  code: C;
  labels: LocalizedText;
  /** One sentence; impact levels and urgencies have one. */
  descriptions?: LocalizedText;
}

/** The entries of one list with their texts in the six UN languages, in the order of data/codes.json. */
export function assistanceEntries<L extends AssistanceCodeList>(
  list: L,
): readonly CodeEntry<AssistanceCodeLists[L]>[] {
  return codes[list] as CodeEntry<AssistanceCodeLists[L]>[];
}

const ENTRIES = new Map<AssistanceCodeList, ReadonlyMap<string, CodeEntry>>(
  (Object.keys(ASSISTANCE_CODES) as AssistanceCodeList[]).map((list) => [
    list,
    new Map(assistanceEntries(list).map((entry) => [entry.code, entry])),
  ]),
);

function inLanguage(texts: Partial<LocalizedText> | undefined, language: UnLanguageCode, fallback: string) {
  return texts?.[language] || texts?.en || fallback;
}

export function isAssistanceCode<L extends AssistanceCodeList>(
  list: L,
  value: unknown,
): value is AssistanceCodeLists[L] {
  return typeof value === 'string' && (ASSISTANCE_CODES[list] as readonly string[]).includes(value);
}

/** The code's label in `language`, in English where that label is missing, or the code itself if unknown. */
export function assistanceLabel<L extends AssistanceCodeList>(
  list: L,
  code: AssistanceCodeLists[L],
  language: UnLanguageCode,
): string {
  return inLanguage(ENTRIES.get(list)?.get(code)?.labels, language, code);
}

/** The code's one-sentence description, in English where missing; '' for lists without descriptions. */
export function assistanceDescription<L extends AssistanceCodeList>(
  list: L,
  code: AssistanceCodeLists[L],
  language: UnLanguageCode,
): string {
  return inLanguage(ENTRIES.get(list)?.get(code)?.descriptions, language, '');
}

export const messageTypeLabel = (code: MessageType, language: UnLanguageCode): string =>
  assistanceLabel('messageTypes', code, language);
export const incidentStatusLabel = (code: IncidentStatus, language: UnLanguageCode): string =>
  assistanceLabel('incidentStatuses', code, language);
export const impactLevelLabel = (code: ImpactLevel, language: UnLanguageCode): string =>
  assistanceLabel('impactLevels', code, language);
export const impactLevelDescription = (code: ImpactLevel, language: UnLanguageCode): string =>
  assistanceDescription('impactLevels', code, language);
export const urgencyLabel = (code: Urgency, language: UnLanguageCode): string =>
  assistanceLabel('urgencies', code, language);
export const urgencyDescription = (code: Urgency, language: UnLanguageCode): string =>
  assistanceDescription('urgencies', code, language);
export const requestStatusLabel = (code: RequestStatus, language: UnLanguageCode): string =>
  assistanceLabel('requestStatuses', code, language);
export const decisionLabel = (code: Decision, language: UnLanguageCode): string =>
  assistanceLabel('decisions', code, language);
