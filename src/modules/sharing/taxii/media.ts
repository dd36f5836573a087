import { AppError } from '../../../core/http/errors.ts';

/** The one media type of every TAXII 2.1 resource, requests and responses alike. */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
/** What a collection holds: STIX 2.1 objects. */
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

interface MediaRange {
  type: string;
  params: Map<string, string>;
  q: number;
}

function parseMediaRange(text: string): MediaRange | null {
  const [head, ...rest] = text.split(';');
  const type = head?.trim().toLowerCase() ?? '';
  if (!/^[a-z0-9!#$&^_.+*-]+\/[a-z0-9!#$&^_.+*-]+$/.test(type)) return null;
  const params = new Map<string, string>();
  let q = 1;
  for (const part of rest) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    const value = part
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === 'q') {
      q = Number(value);
      if (!Number.isFinite(q)) q = 0;
    } else {
      params.set(name, value);
    }
  }
  return { type, params, q };
}

/** TAXII 2.1 content: the versioned type, or the bare type, which means the latest version (2.1). */
function isTaxii21(range: MediaRange): boolean {
  if (range.type !== 'application/taxii+json') return false;
  const version = range.params.get('version');
  return version === undefined || version === '2.1';
}

/**
 * Whether the Accept header admits what we answer with. No header (or an empty one) admits anything, as
 * HTTP has it; otherwise one range with q > 0 must be the TAXII 2.1 type or a wildcard that covers it.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  if (accept.length > 1000) return false;
  return accept.split(',').some((item) => {
    const range = parseMediaRange(item);
    if (!range || range.q <= 0) return false;
    return range.type === '*/*' || range.type === 'application/*' || isTaxii21(range);
  });
}

export function assertAcceptsTaxii(accept: string | undefined): void {
  if (!acceptsTaxii(accept)) {
    throw new AppError(
      406,
      'not_acceptable',
      `This server answers with ${TAXII_MEDIA_TYPE}; send it in the Accept header.`,
    );
  }
}

/** Whether a request body's Content-Type is TAXII 2.1 (an envelope). */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.length > 200) return false;
  const range = parseMediaRange(contentType);
  return range !== null && isTaxii21(range);
}
