import type { UnLanguageCode } from '../../core/reference/languages.ts';
import type { PocService } from '../contacts/index.ts';

/**
 * The label of a service code in mail. The labels live in the contacts module (pocServiceLabel), which
 * does not offer them through its index.ts yet; until it does, mail shows the code in words.
 */
export function serviceLabel(code: PocService, _language: UnLanguageCode): string {
  return code.replaceAll('_', ' ');
}
