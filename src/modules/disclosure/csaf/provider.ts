import { createHash } from 'node:crypto';
import csafSchema from '@secvisogram/csaf-validator-lib/lib/schemaTests/csaf_2_0/schema.js';
import cvssV2 from '@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js';
import cvssV30 from '@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js';
import cvssV31 from '@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import * as openpgp from 'openpgp';
import providerSchema from './data/provider_json_schema.json' with { type: 'json' };
import { csafFileName } from './document.ts';
import { CsafInputError } from './errors.ts';
import type { AdvisoryPublisher } from './model.ts';
import type { CsafFinding } from './validate.ts';

// The CSAF trusted-provider directory (CSAF 2.0 section 7.1), directory-based distribution:
//
//   <publicUrl>/.well-known/csaf/provider-metadata.json   requirements 7 and 9
//   <publicUrl>/.well-known/csaf/white/index.txt          requirement 12
//   <publicUrl>/.well-known/csaf/white/changes.csv        requirement 13
//   <publicUrl>/.well-known/csaf/white/<YYYY>/<name>.json requirements 2 and 11, with .sha256 (18) and .asc (19)
//   <publicUrl>/.well-known/csaf/openpgp/<FINGERPRINT>.asc requirement 20
//
// Only TLP:WHITE (TLP 2.0 CLEAR) documents are in it: TLP:GREEN may not go through publicly accessible
// channels, and requirement 5 keeps AMBER and RED behind access control on another path.

export type CsafProviderRole = 'csaf_provider' | 'csaf_trusted_provider';

export interface CsafProviderMetadata {
  canonical_url: string;
  distributions: { directory_url: string }[];
  last_updated: string;
  list_on_CSAF_aggregators: boolean;
  metadata_version: '2.0';
  mirror_on_CSAF_aggregators: boolean;
  public_openpgp_keys: { fingerprint: string; url: string }[];
  publisher: {
    category: string;
    contact_details?: string;
    issuing_authority?: string;
    name: string;
    namespace: string;
  };
  role: CsafProviderRole;
}

export interface ProviderMetadataInput {
  /** The instance's public base URL: https, or http on a loopback host for development. */
  publicUrl: string;
  publisher: AdvisoryPublisher;
  /** When the metadata last changed (ISO 8601). */
  lastUpdated: string;
  /** Fingerprint of the OpenPGP key that signs the documents, 40 or more hex digits. */
  publicKeyFingerprint: string;
  /** Where the public half of that key can be fetched. */
  publicKeyUrl: string;
  /**
   * csaf_trusted_provider (the default) promises requirements 1 to 7, 9, 11 to 14 and 18 to 20: the
   * directory must then also be browsable (directory listings, requirement 14) and every document must
   * have its .sha256 and .asc beside it. Say csaf_provider if hashes and signatures are not served.
   */
  role?: CsafProviderRole;
  /** Whether CSAF listers may list this provider (default true). */
  listOnAggregators?: boolean;
  /** Whether CSAF aggregators may mirror the documents (default true). */
  mirrorOnAggregators?: boolean;
}

export interface DirectoryEntry {
  /** Relative to the directory: '2026/cg-2026-0001.json'. */
  path: string;
  currentReleaseDate: string;
}

const WELL_KNOWN = '/.well-known/csaf';
const DIRECTORY = `${WELL_KNOWN}/white/`;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An https URL (http on a loopback host, for development), as requirements 3 and 9 ask. */
function checkedUrl(value: string, path: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CsafInputError('invalid_url', path, `${JSON.stringify(value)} is not an absolute URL.`);
  }
  const isLocal = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !isLocal) {
    throw new CsafInputError('invalid_url', path, 'CSAF files are served over https only (requirement 3).');
  }
  return url;
}

/** The public base URL without trailing slashes. */
function baseUrl(publicUrl: string): string {
  const url = checkedUrl(publicUrl, '/publicUrl');
  if (url.search || url.hash) {
    throw new CsafInputError(
      'invalid_url',
      '/publicUrl',
      'The public URL must not have a query or a fragment.',
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** `<publicUrl>/.well-known/csaf/provider-metadata.json` (requirement 9). */
export function providerMetadataUrl(publicUrl: string): string {
  return `${baseUrl(publicUrl)}${WELL_KNOWN}/provider-metadata.json`;
}

/** The base URL of the TLP:WHITE directory, with its trailing slash. */
export function csafDirectoryUrl(publicUrl: string): string {
  return `${baseUrl(publicUrl)}${DIRECTORY}`;
}

/**
 * Where the signing key's public half is served: the `openpgp` folder beside provider-metadata.json, as
 * requirement 20 suggests.
 */
export function csafOpenPgpKeyUrl(publicUrl: string, fingerprint: string): string {
  return `${baseUrl(publicUrl)}${WELL_KNOWN}/openpgp/${fingerprint.replaceAll(' ', '').toUpperCase()}.asc`;
}

/** The year folder of a document is the year written in its initial release date (requirement 11). */
function releaseYear(initialReleaseDate: string): string {
  const year = /^(\d{4})-\d{2}-\d{2}/.exec(initialReleaseDate)?.[1];
  if (!year || Number.isNaN(Date.parse(initialReleaseDate))) {
    throw new CsafInputError(
      'invalid_date',
      '/initialReleaseDate',
      `${JSON.stringify(initialReleaseDate)} is not an ISO 8601 date-time.`,
    );
  }
  return year;
}

/** A document's path in the directory: '<YYYY>/<filename>', e.g. '2026/cg-2026-0001.json'. */
export function csafDirectoryPath(trackingId: string, initialReleaseDate: string): string {
  return `${releaseYear(initialReleaseDate)}/${csafFileName(trackingId)}`;
}

/** A TLP:WHITE document's canonical URL, for `AdvisoryInput.canonicalUrl`. */
export function csafDocumentUrl(publicUrl: string, trackingId: string, initialReleaseDate: string): string {
  return `${csafDirectoryUrl(publicUrl)}${csafDirectoryPath(trackingId, initialReleaseDate)}`;
}

let compiledProviderSchema: ValidateFunction | undefined;

/** Compiled on first use, once per process. */
function providerValidator(): ValidateFunction {
  if (!compiledProviderSchema) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, formats: fullFormats });
    // The CSAF schema refers to FIRST's CVSS schemas by these URLs.
    ajv.addSchema(cvssV2, 'https://www.first.org/cvss/cvss-v2.0.json');
    ajv.addSchema(cvssV30, 'https://www.first.org/cvss/cvss-v3.0.json');
    ajv.addSchema(cvssV31, 'https://www.first.org/cvss/cvss-v3.1.json');
    ajv.addSchema(csafSchema);
    compiledProviderSchema = ajv.compile(providerSchema);
  }
  return compiledProviderSchema;
}

/** Checks a provider-metadata.json against the CSAF 2.0 provider metadata schema. */
export function validateProviderMetadata(metadata: unknown): { isValid: boolean; errors: CsafFinding[] } {
  const validate = providerValidator();
  const isValid = validate(metadata);
  const errors = (validate.errors ?? []).map((error) => ({
    test: 'provider_schema',
    instancePath: error.instancePath,
    message: error.message ?? 'failed',
  }));
  return { isValid, errors };
}

/** The provider-metadata.json of the instance's TLP:WHITE directory, checked against the standard's schema. */
export function buildProviderMetadata(input: ProviderMetadataInput): CsafProviderMetadata {
  const fingerprint = input.publicKeyFingerprint.replaceAll(' ', '').toUpperCase();
  if (!/^[0-9A-F]{40,}$/.test(fingerprint)) {
    throw new CsafInputError(
      'invalid_fingerprint',
      '/publicKeyFingerprint',
      'An OpenPGP fingerprint is 40 or more hexadecimal digits.',
    );
  }
  const keyUrl = checkedUrl(input.publicKeyUrl, '/publicKeyUrl').href;
  const publisher = input.publisher;
  const metadata: CsafProviderMetadata = {
    canonical_url: providerMetadataUrl(input.publicUrl),
    distributions: [{ directory_url: csafDirectoryUrl(input.publicUrl) }],
    last_updated: input.lastUpdated,
    list_on_CSAF_aggregators: input.listOnAggregators ?? true,
    metadata_version: '2.0',
    mirror_on_CSAF_aggregators: input.mirrorOnAggregators ?? true,
    public_openpgp_keys: [{ fingerprint, url: keyUrl }],
    publisher: {
      category: publisher.category,
      ...(publisher.contactDetails !== undefined ? { contact_details: publisher.contactDetails } : {}),
      ...(publisher.issuingAuthority !== undefined ? { issuing_authority: publisher.issuingAuthority } : {}),
      name: publisher.name,
      namespace: publisher.namespace,
    },
    role: input.role ?? 'csaf_trusted_provider',
  };
  const { errors } = validateProviderMetadata(metadata);
  const first = errors[0];
  if (first) {
    throw new CsafInputError(
      'invalid_provider_metadata',
      first.instancePath,
      `The provider metadata does not match the CSAF schema at ${first.instancePath || '/'}: ${first.message}`,
    );
  }
  return metadata;
}

const ENTRY_PATH = /^\d{4}\/[+\-a-z0-9_]+\.json$/;

function checkedEntries(entries: DirectoryEntry[]): { path: string; date: string; time: number }[] {
  return entries.map((entry, index) => {
    if (!ENTRY_PATH.test(entry.path)) {
      throw new CsafInputError(
        'invalid_directory_path',
        `/${index}/path`,
        `${JSON.stringify(entry.path)} is not '<YYYY>/<filename>.json' with a CSAF filename.`,
      );
    }
    const time = Date.parse(entry.currentReleaseDate);
    if (Number.isNaN(time)) {
      throw new CsafInputError(
        'invalid_date',
        `/${index}/currentReleaseDate`,
        `${JSON.stringify(entry.currentReleaseDate)} is not an ISO 8601 date-time.`,
      );
    }
    return { path: entry.path, date: entry.currentReleaseDate, time };
  });
}

/** index.txt (requirement 12): every document's path, one per line, in path order. */
export function buildIndexTxt(entries: DirectoryEntry[]): string {
  const paths = [...new Set(checkedEntries(entries).map((entry) => entry.path))].sort();
  return paths.map((path) => `${path}\n`).join('');
}

function csvField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * changes.csv (requirement 13): each document's path and current release date, quoted, no heading,
 * latest release first (by instant, whatever the time zone written); equal instants in path order.
 */
export function buildChangesCsv(entries: DirectoryEntry[]): string {
  return checkedEntries(entries)
    .sort((a, b) => b.time - a.time || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => `${csvField(entry.path)},${csvField(entry.date)}\n`)
    .join('');
}

/**
 * The content of `<filename>.sha256` (requirement 18): the hex digest, two spaces, the filename, as
 * sha256sum writes it, so `sha256sum -c` checks a downloaded document.
 */
export function sha256File(bytes: Uint8Array, fileName: string): string {
  return `${createHash('sha256').update(bytes).digest('hex')}  ${fileName}\n`;
}

/** The content of `<filename>.sha512`, in the same format. */
export function sha512File(bytes: Uint8Array, fileName: string): string {
  return `${createHash('sha512').update(bytes).digest('hex')}  ${fileName}\n`;
}

/**
 * The content of `<filename>.asc` (requirement 19): an armored, detached OpenPGP signature over the exact
 * bytes served (a binary signature, so no line-ending canonicalisation can make it fail).
 */
export async function signDetached(bytes: Uint8Array, privateKey: openpgp.PrivateKey): Promise<string> {
  const message = await openpgp.createMessage({ binary: bytes });
  return openpgp.sign({ message, signingKeys: privateKey, detached: true, format: 'armored' });
}
