// Scoring for coordinated vulnerability disclosure: SSVC decisions, CVSS vectors and CWE identifiers.
// Pure functions over shipped data; each refusal is a typed error a service turns into a 422.
export {
  type Cvss31Score,
  type Cvss40Score,
  type CvssNomenclature,
  type CvssScore,
  type CvssSeverity,
  type CvssVersion,
  cvssSeverity,
  InvalidCvssVectorError,
  type InvalidCvssVectorReason,
  scoreCvss,
} from './cvss.ts';
export {
  CWE_CATALOGUE_VERSION,
  cweName,
  InvalidCweIdError,
  isDeprecatedCwe,
  isKnownCwe,
  normaliseCweId,
} from './cwe.ts';
export {
  describeDecision,
  evaluateDecision,
  InvalidSsvcInputError,
  type InvalidSsvcInputReason,
  SSVC_DECISION_KINDS,
  type SsvcDecisionDescription,
  type SsvcDecisionKind,
  type SsvcDecisionPoint,
  type SsvcDerivation,
  type SsvcDerivedInput,
  type SsvcEvaluation,
  type SsvcRow,
  type SsvcTable,
  type SsvcValue,
} from './ssvc.ts';
