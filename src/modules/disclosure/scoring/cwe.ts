import catalogue from './data/cwe/weaknesses.json' with { type: 'json' };

/** The CWE list version whose weakness names are shipped. */
export const CWE_CATALOGUE_VERSION: string = catalogue.version;

/** A refused CWE identifier; `input` is what was given. */
export class InvalidCweIdError extends Error {
  readonly input: string;

  constructor(input: string, message: string) {
    super(message);
    this.name = 'InvalidCweIdError';
    this.input = input;
  }
}

const names = new Map<number, string>(
  Object.entries(catalogue.weaknesses).map(([id, name]) => [Number(id), name]),
);
const deprecated = new Set<number>(catalogue.deprecated);

// An optional "CWE-" prefix in any case, then the number; CWE numbers have at most four digits today.
const CWE_ID = /^(?:CWE-)?(\d{1,7})$/i;

function cweNumber(input: string): number | undefined {
  const match = CWE_ID.exec(input.trim());
  const number = match ? Number(match[1]) : Number.NaN;
  return number > 0 ? number : undefined;
}

/**
 * `CWE-79`, `cwe-79`, `79` and ` CWE-079 ` all become `CWE-79`. Well-formed numbers outside the shipped
 * catalogue are accepted, since the list grows. Anything else, such as NVD's `NVD-CWE-noinfo`, is refused.
 */
export function normaliseCweId(input: string | number): string {
  const text = typeof input === 'number' && Number.isInteger(input) ? String(input) : input;
  const number = typeof text === 'string' ? cweNumber(text) : undefined;
  if (number === undefined) {
    const shown = String(input).slice(0, 40);
    throw new InvalidCweIdError(shown, `"${shown}" is not a CWE identifier; write it as CWE-79 or 79.`);
  }
  return `CWE-${number}`;
}

function catalogueNumber(id: string): number | undefined {
  return typeof id === 'string' ? cweNumber(id) : undefined;
}

/** The weakness's name in the shipped catalogue, or undefined for unknown or deprecated entries. */
export function cweName(id: string): string | undefined {
  const number = catalogueNumber(id);
  return number === undefined ? undefined : names.get(number);
}

/** Whether the shipped catalogue has this weakness (deprecated entries excluded). */
export function isKnownCwe(id: string): boolean {
  const number = catalogueNumber(id);
  return number !== undefined && names.has(number);
}

/** Whether MITRE has deprecated this weakness; its replacement should be cited instead. */
export function isDeprecatedCwe(id: string): boolean {
  const number = catalogueNumber(id);
  return number !== undefined && deprecated.has(number);
}
