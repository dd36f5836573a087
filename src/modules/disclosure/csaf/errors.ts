import { AppError } from '../../../core/http/errors.ts';
import type { CsafFinding } from './validate.ts';

export type CsafInputErrorReason =
  | 'no_revisions'
  | 'invalid_date'
  | 'duplicate_product'
  | 'justification_without_not_affected'
  | 'conflicting_product_helpers'
  | 'unknown_cvss_version'
  | 'invalid_url'
  | 'invalid_fingerprint'
  | 'invalid_provider_metadata'
  | 'invalid_directory_path';

/**
 * Input the CSAF builders cannot turn into a document at all. What they can express but the standard
 * forbids is left to `validateCsaf`, which names the failing test.
 */
export class CsafInputError extends Error {
  readonly reason: CsafInputErrorReason;
  /** Where in the input, as a JSON pointer ('/vulnerabilities/0/products/3'). */
  readonly path: string;

  constructor(reason: CsafInputErrorReason, path: string, message: string) {
    super(message);
    this.name = 'CsafInputError';
    this.reason = reason;
    this.path = path;
  }
}

/** The 422 problem for input the builders refuse (code `invalid_csaf_input`). */
export function csafInputProblem(error: CsafInputError): AppError {
  return new AppError(422, 'invalid_csaf_input', error.message, {
    extra: { reason: error.reason, path: error.path },
  });
}

/** The 422 problem for a built document that fails CSAF validation (code `invalid_csaf_document`). */
export function csafInvalidProblem(errors: CsafFinding[]): AppError {
  const first = errors[0];
  const message = first
    ? `The CSAF document fails test ${first.test} at ${first.instancePath || '/'}: ${first.message}`
    : 'The CSAF document is not valid.';
  return new AppError(422, 'invalid_csaf_document', message, { extra: { errors } });
}
