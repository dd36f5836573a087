/**
 * Our own plain model of an advisory, the input of the CSAF 2.0 builder. The service maps its rows to it;
 * nothing here knows about the database. Dates are ISO 8601 date-times with a time zone
 * ('2026-03-01T09:00:00.000Z'), as CSAF requires.
 */

/** The CSAF profile a document is built for: 4.4 Security Advisory or 4.5 VEX. */
export type CsafProfile = 'security_advisory' | 'vex';

/** TLP 2.0 labels, as the platform stores them. Only CLEAR and GREEN advisories leave the platform's access rules. */
export type AdvisoryTlp = 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';

export type PublisherCategory = 'coordinator' | 'vendor' | 'discoverer' | 'other' | 'translator' | 'user';

export type AdvisoryStatus = 'draft' | 'interim' | 'final';

export type ProductStatus = 'affected' | 'not_affected' | 'fixed' | 'under_investigation';

/** The VEX justification codes of CSAF 2.0 (section 3.2.3.5), for products that are not affected. */
export type VexJustification =
  | 'component_not_present'
  | 'vulnerable_code_not_present'
  | 'vulnerable_code_not_in_execute_path'
  | 'vulnerable_code_cannot_be_controlled_by_adversary'
  | 'inline_mitigations_already_exist';

export type RemediationCategory =
  | 'vendor_fix'
  | 'workaround'
  | 'mitigation'
  | 'no_fix_planned'
  | 'none_available';

export interface AdvisoryPublisher {
  name: string;
  /** The https URL that names the publisher, usually the instance's public URL. */
  namespace: string;
  category: PublisherCategory;
  contactDetails?: string;
  /** Who the publisher speaks for, and in what capacity (CSAF `issuing_authority`). */
  issuingAuthority?: string;
}

export interface AdvisoryReference {
  url: string;
  summary: string;
}

export interface AdvisoryRevision {
  /** Integer versioning ('1', '2', …); '0' only while the advisory is a draft. */
  number: string;
  date: string;
  summary: string;
}

/** A credit. At least one of the three fields must be present. */
export interface AdvisoryAcknowledgment {
  names: string[];
  organization?: string;
  summary?: string;
}

export interface CvssScoreInput {
  /** Starts with 'CVSS:3.1/' or 'CVSS:3.0/' for v3, 'CVSS:4.0/' for v4. */
  vector: string;
  baseScore: number;
  /** NONE, LOW, MEDIUM, HIGH or CRITICAL, in any case. */
  baseSeverity: string;
}

/**
 * An SSVC evaluation. CSAF 2.0 has no field for SSVC: the builder states it in a vulnerability note
 * so that readers still see it.
 */
export interface SsvcInput {
  /** The decision model, e.g. 'CISA Coordinator v2.0.3'. */
  decision: string;
  /** The outcome of the decision, e.g. 'Act'. */
  outcome: string;
  /** Decision point name to chosen value, e.g. { Exploitation: 'active' }. */
  inputs: Record<string, string>;
  timestamp: string;
}

export interface AdvisoryRemediation {
  category: RemediationCategory;
  details: string;
  url?: string;
}

export interface AdvisoryProduct {
  vendor: string;
  product: string;
  /**
   * One version ('2.4.1'), or a range: a vers string ('vers:semver/<2.4.1') or words such as 'before 2.4.1'.
   * Ranges become `product_version_range` branches, since CSAF forbids them in `product_version`.
   */
  version: string;
  /** The caller leaves out products whose vendor never answered. */
  status: ProductStatus;
  /** Only for `not_affected` products. */
  justification?: VexJustification;
  /** Why the product is (not) affected, in words. Required by VEX for `not_affected` products without a justification. */
  impactStatement?: string;
  /** Required by VEX for `affected` products (an action statement). */
  remediation?: AdvisoryRemediation;
  /** Package URL of this version, if known (CSAF product identification helper). */
  purl?: string;
  /** CPE 2.3 name of this version, if known. */
  cpe?: string;
}

export interface AdvisoryVulnerability {
  cve?: string;
  /** Other identifiers, e.g. the case id on the platform. VEX needs a CVE or at least one id. */
  ids?: { systemName: string; text: string }[];
  /** Must match the CWE catalogue's name for the id (CSAF test 6.1.11). */
  cwe?: { id: string; name: string };
  title: string;
  description: string;
  discoveryDate?: string;
  releaseDate?: string;
  cvss?: { v3?: CvssScoreInput; v4?: CvssScoreInput };
  ssvc?: SsvcInput;
  products: AdvisoryProduct[];
}

export interface AdvisoryInput {
  /** Unique per publisher, e.g. 'CG-2026-0001'. */
  trackingId: string;
  title: string;
  /** BCP 47 language tag. */
  lang: string;
  tlp: AdvisoryTlp;
  publisher: AdvisoryPublisher;
  summary: string;
  details?: string;
  /** External references; the document's own URL is `canonicalUrl`. */
  references: AdvisoryReference[];
  revisions: AdvisoryRevision[];
  status: AdvisoryStatus;
  initialReleaseDate: string;
  currentReleaseDate: string;
  acknowledgments: AdvisoryAcknowledgment[];
  vulnerabilities: AdvisoryVulnerability[];
  /**
   * The https URL where this document is published (see `csafDocumentUrl`); it becomes the `self` reference.
   * Left out for documents that are not published in the provider directory.
   */
  canonicalUrl?: string;
  /** Who generated the document, and when; the engine name is always Common Ground. */
  generator?: { engineVersion?: string; date?: string };
}
