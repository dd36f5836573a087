// CSAF 2.0: advisories and VEX documents from our advisory model, their validation, and the files of the
// trusted-provider directory. Pure functions: no database, no HTTP.

export type {
  CsafBranch,
  CsafCvssV3,
  CsafDocument,
  CsafFullProductName,
  CsafNote,
  CsafProductStatus,
  CsafReference,
  CsafTlpLabel,
  CsafVulnerability,
} from './document.ts';
export { buildCsafDocument, csafFileName, csafTlpLabel, GENERATOR_NAME, isVersionRange } from './document.ts';
export type { CsafInputErrorReason } from './errors.ts';
export { CsafInputError, csafInputProblem, csafInvalidProblem } from './errors.ts';
export type {
  AdvisoryAcknowledgment,
  AdvisoryInput,
  AdvisoryProduct,
  AdvisoryPublisher,
  AdvisoryReference,
  AdvisoryRemediation,
  AdvisoryRevision,
  AdvisoryStatus,
  AdvisoryTlp,
  AdvisoryVulnerability,
  CsafProfile,
  CvssScoreInput,
  ProductStatus,
  PublisherCategory,
  RemediationCategory,
  SsvcInput,
  VexJustification,
} from './model.ts';
export type {
  CsafProviderMetadata,
  CsafProviderRole,
  DirectoryEntry,
  ProviderMetadataInput,
} from './provider.ts';
export {
  buildChangesCsv,
  buildIndexTxt,
  buildProviderMetadata,
  csafDirectoryPath,
  csafDirectoryUrl,
  csafDocumentUrl,
  csafOpenPgpKeyUrl,
  providerMetadataUrl,
  sha256File,
  sha512File,
  signDetached,
  validateProviderMetadata,
} from './provider.ts';
export type { CsafFinding, CsafValidationOptions, CsafValidationResult } from './validate.ts';
export { csafTestIds, validateCsaf } from './validate.ts';
