// Informative tests one by one: 6.3.6 and 6.3.7 send HEAD requests to every URL in the document and 6.3.8
// runs hunspell, so their modules are never even loaded.
import informativeTest_6_3_1 from '@secvisogram/csaf-validator-lib/lib/informativeTests/informativeTest_6_3_1.js';
import informativeTest_6_3_2 from '@secvisogram/csaf-validator-lib/lib/informativeTests/informativeTest_6_3_2.js';
import informativeTest_6_3_3 from '@secvisogram/csaf-validator-lib/lib/informativeTests/informativeTest_6_3_3.js';
import informativeTest_6_3_4 from '@secvisogram/csaf-validator-lib/lib/informativeTests/informativeTest_6_3_4.js';
import informativeTest_6_3_5 from '@secvisogram/csaf-validator-lib/lib/informativeTests/informativeTest_6_3_5.js';
import informativeTest_6_3_9 from '@secvisogram/csaf-validator-lib/lib/informativeTests/informativeTest_6_3_9.js';
import informativeTest_6_3_10 from '@secvisogram/csaf-validator-lib/lib/informativeTests/informativeTest_6_3_10.js';
import informativeTest_6_3_11 from '@secvisogram/csaf-validator-lib/lib/informativeTests/informativeTest_6_3_11.js';
import * as mandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import * as optionalTests from '@secvisogram/csaf-validator-lib/optionalTests.js';
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js';
import type { CsafLibFinding, CsafLibRun, CsafLibTest } from '@secvisogram/csaf-validator-lib/validate.js';
import validate from '@secvisogram/csaf-validator-lib/validate.js';

/**
 * One finding. `test` is the section of the CSAF 2.0 standard that defines the test ('6.1.9', '6.2.11',
 * '6.3.4'), or 'schema' for the strict JSON schema.
 */
export interface CsafFinding {
  test: string;
  instancePath: string;
  message: string;
}

export interface CsafValidationResult {
  /** The strict schema and every mandatory test pass. Warnings and infos never make a document invalid. */
  isValid: boolean;
  /** Schema and mandatory tests (section 6.1). */
  errors: CsafFinding[];
  /** Optional tests (section 6.2). */
  warnings: CsafFinding[];
  /** Informative tests (section 6.3). */
  infos: CsafFinding[];
}

const REQUIRED_TESTS: CsafLibTest[] = [csaf_2_0_strict, ...Object.values(mandatoryTests)];
const OPTIONAL_TESTS: CsafLibTest[] = Object.values(optionalTests);
const INFORMATIVE_TESTS: CsafLibTest[] = [
  informativeTest_6_3_1,
  informativeTest_6_3_2,
  informativeTest_6_3_3,
  informativeTest_6_3_4,
  informativeTest_6_3_5,
  informativeTest_6_3_9,
  informativeTest_6_3_10,
  informativeTest_6_3_11,
];

/** 'mandatoryTest_6_1_27_10' → '6.1.27.10'; the schema test → 'schema'. */
function testId(name: string): string {
  const section = /_(6(?:_\d+)+)$/.exec(name);
  if (section) return section[1]!.replaceAll('_', '.');
  return name.startsWith('csaf_2_0') ? 'schema' : name;
}

/** Ajv's messages leave out which property or value is meant; add it. */
function describe(finding: CsafLibFinding): string {
  const message = finding.message ?? 'failed';
  const params = finding.params;
  if (params && typeof params.additionalProperty === 'string') {
    return `${message}: ${params.additionalProperty}`;
  }
  if (params && Array.isArray(params.allowedValues)) {
    return `${message}: ${params.allowedValues.join(', ')}`;
  }
  return message;
}

function findings(test: string, list: CsafLibFinding[]): CsafFinding[] {
  return list.map((finding) => ({ test, instancePath: finding.instancePath, message: describe(finding) }));
}

export interface CsafValidationOptions {
  /** Run the optional tests of section 6.2 (default true). */
  optional?: boolean;
}

function selectTests(options: CsafValidationOptions): CsafLibTest[] {
  return [...REQUIRED_TESTS, ...(options.optional === false ? [] : OPTIONAL_TESTS), ...INFORMATIVE_TESTS];
}

/** The ids of the tests `validateCsaf` runs, in the order it runs them. */
export function csafTestIds(options: CsafValidationOptions = {}): string[] {
  return selectTests(options).map((test) => testId(test.name));
}

/**
 * Validates a CSAF 2.0 document the way a CSAF full validator does (conformance clause 16), without the
 * three tests that reach the network or an external spell checker (6.3.6, 6.3.7, 6.3.8). Never touches
 * the network; any JSON value is accepted and judged.
 */
export async function validateCsaf(
  document: unknown,
  options: CsafValidationOptions = {},
): Promise<CsafValidationResult> {
  const result: CsafValidationResult = { isValid: true, errors: [], warnings: [], infos: [] };
  for (const test of selectTests(options)) {
    const id = testId(test.name);
    // One test at a time, so a test that trips over an unexpected shape (a null where an object belongs)
    // costs only its own verdict, not the findings of all the others.
    let run: CsafLibRun;
    try {
      run = await validate([test], document);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const finding = {
        test: id,
        instancePath: '',
        message: `the test could not run on this document: ${reason}`,
      };
      if (REQUIRED_TESTS.includes(test)) {
        result.isValid = false;
        result.errors.push(finding);
      } else if (OPTIONAL_TESTS.includes(test)) result.warnings.push(finding);
      else result.infos.push(finding);
      continue;
    }
    for (const outcome of run.tests) {
      result.errors.push(...findings(id, outcome.errors));
      result.warnings.push(...findings(id, outcome.warnings));
      result.infos.push(...findings(id, outcome.infos));
      if (!outcome.isValid && outcome.errors.length === 0) {
        result.errors.push({ test: id, instancePath: '', message: 'failed' });
      }
    }
    if (!run.isValid) result.isValid = false;
  }
  return result;
}
