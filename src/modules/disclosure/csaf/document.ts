import { CsafInputError } from './errors.ts';
import type {
  AdvisoryInput,
  AdvisoryProduct,
  AdvisoryTlp,
  AdvisoryVulnerability,
  CsafProfile,
  CvssScoreInput,
  SsvcInput,
  VexJustification,
} from './model.ts';

// The subset of CSAF 2.0 (OASIS Standard, 18 November 2022) that the builder writes. Keys are listed in
// alphabetical order because the builder writes them in that order (section 5.3, test 6.2.13).

export type CsafTlpLabel = 'WHITE' | 'GREEN' | 'AMBER' | 'RED';

export interface CsafNote {
  category: 'description' | 'details' | 'faq' | 'general' | 'legal_disclaimer' | 'other' | 'summary';
  text: string;
  title?: string;
}

export interface CsafReference {
  category: 'external' | 'self';
  summary: string;
  url: string;
}

export interface CsafAcknowledgment {
  names?: string[];
  organization?: string;
  summary?: string;
}

export interface CsafRevision {
  date: string;
  number: string;
  summary: string;
}

export interface CsafFullProductName {
  name: string;
  product_id: string;
  product_identification_helper?: { cpe?: string; purl?: string };
}

export interface CsafBranch {
  branches?: CsafBranch[];
  category: 'vendor' | 'product_name' | 'product_version' | 'product_version_range';
  name: string;
  product?: CsafFullProductName;
}

export interface CsafProductStatus {
  fixed?: string[];
  known_affected?: string[];
  known_not_affected?: string[];
  under_investigation?: string[];
}

export interface CsafCvssV3 {
  baseScore: number;
  baseSeverity: string;
  vectorString: string;
  version: '3.0' | '3.1';
}

export interface CsafVulnerability {
  cve?: string;
  cwe?: { id: string; name: string };
  discovery_date?: string;
  flags?: { label: VexJustification; product_ids: string[] }[];
  ids?: { system_name: string; text: string }[];
  notes: CsafNote[];
  product_status: CsafProductStatus;
  release_date?: string;
  remediations?: { category: string; details: string; product_ids: string[]; url?: string }[];
  scores?: { cvss_v3: CsafCvssV3; products: string[] }[];
  threats?: { category: 'impact'; details: string; product_ids: string[] }[];
  title: string;
}

export interface CsafDocument {
  document: {
    acknowledgments?: CsafAcknowledgment[];
    category: 'csaf_security_advisory' | 'csaf_vex';
    csaf_version: '2.0';
    distribution: { text: string; tlp: { label: CsafTlpLabel; url: string } };
    lang: string;
    notes: CsafNote[];
    publisher: {
      category: string;
      contact_details?: string;
      issuing_authority?: string;
      name: string;
      namespace: string;
    };
    references?: CsafReference[];
    title: string;
    tracking: {
      current_release_date: string;
      generator: { date?: string; engine: { name: string; version?: string } };
      id: string;
      initial_release_date: string;
      revision_history: CsafRevision[];
      status: string;
      version: string;
    };
  };
  product_tree: { branches: CsafBranch[] };
  vulnerabilities: CsafVulnerability[];
}

export const GENERATOR_NAME = 'Common Ground';
const TLP_URL = 'https://www.first.org/tlp/';

/**
 * CSAF 2.0 carries TLP 1.0 labels. The mapping is the one the OASIS CSAF TC gives in its FAQ for CSAF 2.0:
 * AMBER+STRICT has no TLP 1.0 equivalent and becomes RED, the nearest label that does not widen the
 * audience; the distribution text states the TLP 2.0 label and its narrower rule.
 */
const TLP: Record<AdvisoryTlp, { label: CsafTlpLabel; text: string }> = {
  CLEAR: {
    label: 'WHITE',
    text: 'TLP:CLEAR (TLP 2.0): recipients may share this document without restriction. Labelled TLP:WHITE, its TLP 1.0 equivalent, because CSAF 2.0 uses TLP 1.0 labels.',
  },
  GREEN: {
    label: 'GREEN',
    text: 'TLP:GREEN (TLP 2.0): recipients may share this document within their community, but not through publicly accessible channels.',
  },
  AMBER: {
    label: 'AMBER',
    text: 'TLP:AMBER (TLP 2.0): recipients may share this document only on a need-to-know basis within their organization and with its clients.',
  },
  'AMBER+STRICT': {
    label: 'RED',
    text: 'TLP:AMBER+STRICT (TLP 2.0): recipients may share this document only on a need-to-know basis within their own organization. CSAF 2.0 has no such label, so it is marked TLP:RED; the sharing rule is that of TLP:AMBER+STRICT.',
  },
  RED: {
    label: 'RED',
    text: 'TLP:RED (TLP 2.0): for the eyes and ears of individual recipients only, no further disclosure.',
  },
};

/** The CSAF 2.0 TLP label for a TLP 2.0 label. */
export function csafTlpLabel(tlp: AdvisoryTlp): CsafTlpLabel {
  return TLP[tlp].label;
}

/** The filename rule of section 5.1: lower case, each run of other characters than a-z, 0-9, + and - becomes one '_', then '.json'. */
export function csafFileName(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

/** Words and signs that make a version string a range (test 6.1.31). */
const RANGE_WORDS = new Set(['after', 'all', 'before', 'earlier', 'later', 'prior', 'versions']);

/** Whether a version string names a range rather than one version: a vers string or the words of test 6.1.31. */
export function isVersionRange(version: string): boolean {
  const lower = version.toLowerCase();
  if (lower.startsWith('vers:') || lower.includes('<') || lower.includes('>')) return true;
  return lower.split(/\s/).some((word) => RANGE_WORDS.has(word));
}

/** Code-unit order: the same on every machine and in every locale, so product ids never depend on either. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface CatalogueProduct {
  id: string;
  vendor: string;
  product: string;
  version: string;
  purl: string | undefined;
  cpe: string | undefined;
}

const KEY_SEPARATOR = '\u0000';

function productKey(product: AdvisoryProduct): string {
  return `${product.vendor}${KEY_SEPARATOR}${product.product}${KEY_SEPARATOR}${product.version}`;
}

/**
 * Every distinct (vendor, product, version) of the advisory, numbered CSAFPID-0001… in vendor, product,
 * version order, so the same products always get the same ids whatever the order of the input.
 */
function catalogueProducts(vulnerabilities: AdvisoryVulnerability[]): Map<string, CatalogueProduct> {
  const byKey = new Map<string, CatalogueProduct>();
  vulnerabilities.forEach((vulnerability, v) => {
    vulnerability.products.forEach((product, p) => {
      const key = productKey(product);
      const known = byKey.get(key);
      if (!known) {
        byKey.set(key, {
          id: '',
          vendor: product.vendor,
          product: product.product,
          version: product.version,
          purl: product.purl,
          cpe: product.cpe,
        });
        return;
      }
      const path = `/vulnerabilities/${v}/products/${p}`;
      for (const helper of ['purl', 'cpe'] as const) {
        const value = product[helper];
        if (value === undefined) continue;
        if (known[helper] === undefined) known[helper] = value;
        else if (known[helper] !== value) {
          throw new CsafInputError(
            'conflicting_product_helpers',
            `${path}/${helper}`,
            `${product.vendor} ${product.product} ${product.version} is given two different ${helper} values.`,
          );
        }
      }
    });
  });
  const sorted = [...byKey.values()].sort(
    (a, b) =>
      compareText(a.vendor, b.vendor) ||
      compareText(a.product, b.product) ||
      compareText(a.version, b.version),
  );
  const width = Math.max(4, String(sorted.length).length);
  sorted.forEach((product, index) => {
    product.id = `CSAFPID-${String(index + 1).padStart(width, '0')}`;
  });
  return byKey;
}

function productTree(products: Iterable<CatalogueProduct>): { branches: CsafBranch[] } {
  const vendors: CsafBranch[] = [];
  let vendor: CsafBranch | undefined;
  let name: CsafBranch | undefined;
  // The catalogue is sorted by vendor, then product, so each branch is opened once.
  const sorted = [...products].sort((a, b) => compareText(a.id, b.id));
  for (const product of sorted) {
    if (!vendor || vendor.name !== product.vendor) {
      vendor = { branches: [], category: 'vendor', name: product.vendor };
      vendors.push(vendor);
      name = undefined;
    }
    if (!name || name.name !== product.product) {
      name = { branches: [], category: 'product_name', name: product.product };
      vendor.branches!.push(name);
    }
    const helper =
      product.cpe !== undefined || product.purl !== undefined
        ? {
            product_identification_helper: {
              ...(product.cpe !== undefined ? { cpe: product.cpe } : {}),
              ...(product.purl !== undefined ? { purl: product.purl } : {}),
            },
          }
        : {};
    name.branches!.push({
      category: isVersionRange(product.version) ? 'product_version_range' : 'product_version',
      name: product.version,
      product: {
        name: `${product.vendor} ${product.product} ${product.version}`,
        product_id: product.id,
        ...helper,
      },
    });
  }
  return { branches: vendors };
}

function cvssV3(score: CvssScoreInput, path: string): CsafCvssV3 {
  const version = score.vector.startsWith('CVSS:3.1/')
    ? '3.1'
    : score.vector.startsWith('CVSS:3.0/')
      ? '3.0'
      : undefined;
  if (!version) {
    throw new CsafInputError(
      'unknown_cvss_version',
      `${path}/vector`,
      `A CVSS v3 vector starts with CVSS:3.1/ or CVSS:3.0/; got ${JSON.stringify(score.vector.slice(0, 12))}.`,
    );
  }
  return {
    baseScore: score.baseScore,
    baseSeverity: score.baseSeverity.toUpperCase(),
    vectorString: score.vector,
    version,
  };
}

function ssvcText(ssvc: SsvcInput): string {
  const inputs = Object.entries(ssvc.inputs)
    .map(([point, value]) => `${point}: ${value}`)
    .join('; ');
  return `${ssvc.decision}: ${ssvc.outcome}.${inputs ? ` Decision points: ${inputs}.` : ''} Evaluated ${ssvc.timestamp}.`;
}

/** Groups product ids under a key, keeping the order in which keys first appear. */
function groupIds<T>(entries: { key: string; value: T; id: string }[]): { value: T; ids: string[] }[] {
  const groups = new Map<string, { value: T; ids: string[] }>();
  for (const entry of entries) {
    const group = groups.get(entry.key);
    if (group) group.ids.push(entry.id);
    else groups.set(entry.key, { value: entry.value, ids: [entry.id] });
  }
  return [...groups.values()];
}

function vulnerability(
  input: AdvisoryVulnerability,
  index: number,
  catalogue: Map<string, CatalogueProduct>,
): CsafVulnerability {
  const path = `/vulnerabilities/${index}`;
  const seen = new Set<string>();
  const products = input.products.map((product, p) => {
    const key = productKey(product);
    if (seen.has(key)) {
      throw new CsafInputError(
        'duplicate_product',
        `${path}/products/${p}`,
        `${product.vendor} ${product.product} ${product.version} is listed twice for vulnerability ${index + 1}.`,
      );
    }
    seen.add(key);
    if (product.justification !== undefined && product.status !== 'not_affected') {
      throw new CsafInputError(
        'justification_without_not_affected',
        `${path}/products/${p}/justification`,
        `A VEX justification explains why a product is not affected; ${product.vendor} ${product.product} ${product.version} is ${product.status}.`,
      );
    }
    return { input: product, id: catalogue.get(key)!.id };
  });
  // Lists and groups follow product id order, so the document does not depend on the input's order.
  products.sort((a, b) => compareText(a.id, b.id));

  const idsWith = (status: AdvisoryProduct['status']) =>
    products.filter((product) => product.input.status === status).map((product) => product.id);
  const affected = idsWith('affected');
  const notAffected = idsWith('not_affected');
  const fixed = idsWith('fixed');
  const investigating = idsWith('under_investigation');
  const productStatus: CsafProductStatus = {
    ...(fixed.length ? { fixed } : {}),
    ...(affected.length ? { known_affected: affected } : {}),
    ...(notAffected.length ? { known_not_affected: notAffected } : {}),
    ...(investigating.length ? { under_investigation: investigating } : {}),
  };

  const flags = groupIds(
    products.flatMap(({ input: product, id }) =>
      product.justification ? [{ key: product.justification, value: product.justification, id }] : [],
    ),
  ).map(({ value, ids }) => ({ label: value, product_ids: ids }));

  const threats = groupIds(
    products.flatMap(({ input: product, id }) =>
      product.impactStatement ? [{ key: product.impactStatement, value: product.impactStatement, id }] : [],
    ),
  ).map(({ value, ids }) => ({ category: 'impact' as const, details: value, product_ids: ids }));

  const remediations = groupIds(
    products.flatMap(({ input: product, id }) => {
      const remediation = product.remediation;
      if (!remediation) return [];
      const key = JSON.stringify([remediation.category, remediation.details, remediation.url ?? null]);
      return [{ key, value: remediation, id }];
    }),
  ).map(({ value, ids }) => ({
    category: value.category,
    details: value.details,
    product_ids: ids,
    ...(value.url !== undefined ? { url: value.url } : {}),
  }));

  // A score describes the vulnerability where it hurts: the affected products, else those still being
  // investigated, else the fixed ones (an advisory published after every fix still states its severity).
  const scored = affected.length ? affected : investigating.length ? investigating : fixed;
  const scores =
    input.cvss?.v3 && scored.length
      ? [{ cvss_v3: cvssV3(input.cvss.v3, `${path}/cvss/v3`), products: scored }]
      : [];

  const notes: CsafNote[] = [{ category: 'description', text: input.description, title: 'Description' }];
  const v4 = input.cvss?.v4;
  if (v4) {
    // CSAF 2.0 scores hold CVSS v2 and v3 only.
    notes.push({
      category: 'other',
      text: `${v4.vector} (base score ${v4.baseScore}, ${v4.baseSeverity.toUpperCase()})`,
      title: 'CVSS v4.0',
    });
  }
  if (input.ssvc) notes.push({ category: 'other', text: ssvcText(input.ssvc), title: 'SSVC' });

  return {
    ...(input.cve !== undefined ? { cve: input.cve } : {}),
    ...(input.cwe !== undefined ? { cwe: { id: input.cwe.id, name: input.cwe.name } } : {}),
    ...(input.discoveryDate !== undefined ? { discovery_date: input.discoveryDate } : {}),
    ...(flags.length ? { flags } : {}),
    ...(input.ids?.length
      ? { ids: input.ids.map((id) => ({ system_name: id.systemName, text: id.text })) }
      : {}),
    notes,
    product_status: productStatus,
    ...(input.releaseDate !== undefined ? { release_date: input.releaseDate } : {}),
    ...(remediations.length ? { remediations } : {}),
    ...(scores.length ? { scores } : {}),
    ...(threats.length ? { threats } : {}),
    title: input.title,
  };
}

const INTEGER_OR_SEMVER = /^(\d+)(?:\.(\d+)\.(\d+))?/;

/** Orders revision numbers numerically ('2' before '10'); test 6.1.14 wants them ascending. */
function compareRevisionNumbers(a: string, b: string): number {
  const left = INTEGER_OR_SEMVER.exec(a);
  const right = INTEGER_OR_SEMVER.exec(b);
  if (!left || !right) return 0;
  for (let part = 1; part <= 3; part++) {
    const difference = Number(left[part] ?? 0) - Number(right[part] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Builds a CSAF 2.0 document of the given profile. Pure: the same input always gives the same document. */
export function buildCsafDocument(input: AdvisoryInput, profile: CsafProfile): CsafDocument {
  if (input.revisions.length === 0) {
    throw new CsafInputError('no_revisions', '/revisions', 'A CSAF document needs at least one revision.');
  }
  const revisions = input.revisions
    .map((revision) => ({ date: revision.date, number: revision.number, summary: revision.summary }))
    .sort((a, b) => compareRevisionNumbers(a.number, b.number));
  const catalogue = catalogueProducts(input.vulnerabilities);
  const tlp = TLP[input.tlp];

  const notes: CsafNote[] = [{ category: 'summary', text: input.summary, title: 'Summary' }];
  if (input.details) notes.push({ category: 'details', text: input.details, title: 'Details' });

  const references: CsafReference[] = input.references.map((reference) => ({
    category: 'external',
    summary: reference.summary,
    url: reference.url,
  }));
  if (input.canonicalUrl) {
    references.unshift({
      category: 'self',
      summary: 'Canonical URL of this document',
      url: input.canonicalUrl,
    });
  }

  const acknowledgments = input.acknowledgments.map((credit) => ({
    ...(credit.names.length ? { names: [...credit.names] } : {}),
    ...(credit.organization !== undefined ? { organization: credit.organization } : {}),
    ...(credit.summary !== undefined ? { summary: credit.summary } : {}),
  }));

  const publisher = input.publisher;
  const generator = input.generator;
  return {
    document: {
      ...(acknowledgments.length ? { acknowledgments } : {}),
      category: profile === 'vex' ? 'csaf_vex' : 'csaf_security_advisory',
      csaf_version: '2.0',
      distribution: { text: tlp.text, tlp: { label: tlp.label, url: TLP_URL } },
      lang: input.lang,
      notes,
      publisher: {
        category: publisher.category,
        ...(publisher.contactDetails !== undefined ? { contact_details: publisher.contactDetails } : {}),
        ...(publisher.issuingAuthority !== undefined
          ? { issuing_authority: publisher.issuingAuthority }
          : {}),
        name: publisher.name,
        namespace: publisher.namespace,
      },
      ...(references.length ? { references } : {}),
      title: input.title,
      tracking: {
        current_release_date: input.currentReleaseDate,
        generator: {
          ...(generator?.date !== undefined ? { date: generator.date } : {}),
          engine: {
            name: GENERATOR_NAME,
            ...(generator?.engineVersion !== undefined ? { version: generator.engineVersion } : {}),
          },
        },
        id: input.trackingId,
        initial_release_date: input.initialReleaseDate,
        revision_history: revisions,
        status: input.status,
        version: revisions[revisions.length - 1]!.number,
      },
    },
    product_tree: productTree(catalogue.values()),
    vulnerabilities: input.vulnerabilities.map((item, index) => vulnerability(item, index, catalogue)),
  };
}
