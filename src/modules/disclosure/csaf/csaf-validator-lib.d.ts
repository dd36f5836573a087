// Types for the parts of @secvisogram/csaf-validator-lib (2.x) that validate.ts uses; the package ships
// JavaScript without declarations. Each test takes a document and returns its findings.

declare module '@secvisogram/csaf-validator-lib/validate.js' {
  export interface CsafLibFinding {
    instancePath: string;
    message?: string;
    keyword?: string;
    params?: Record<string, unknown>;
  }
  export interface CsafLibTestResult {
    isValid?: boolean;
    errors?: CsafLibFinding[];
    warnings?: CsafLibFinding[];
    infos?: CsafLibFinding[];
  }
  /** A document test; its function name is its identifier ('mandatoryTest_6_1_9'). */
  export type CsafLibTest = (doc: unknown) => CsafLibTestResult | Promise<CsafLibTestResult>;
  export interface CsafLibRun {
    isValid: boolean;
    tests: {
      name: string;
      isValid: boolean;
      errors: CsafLibFinding[];
      warnings: CsafLibFinding[];
      infos: CsafLibFinding[];
    }[];
  }
  export default function validate(tests: CsafLibTest[], doc: unknown): Promise<CsafLibRun>;
}

declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  import type { CsafLibTest } from '@secvisogram/csaf-validator-lib/validate.js';
  export const csaf_2_0_strict: CsafLibTest;
  export const csaf_2_0: CsafLibTest;
}

declare module '@secvisogram/csaf-validator-lib/lib/informativeTests/*' {
  import type { CsafLibTest } from '@secvisogram/csaf-validator-lib/validate.js';

  const test: CsafLibTest;
  export default test;
}

declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  import type { CsafLibTest } from '@secvisogram/csaf-validator-lib/validate.js';
  export const mandatoryTest_6_1_1: CsafLibTest;
  export const mandatoryTest_6_1_2: CsafLibTest;
  export const mandatoryTest_6_1_3: CsafLibTest;
  export const mandatoryTest_6_1_4: CsafLibTest;
  export const mandatoryTest_6_1_5: CsafLibTest;
  export const mandatoryTest_6_1_6: CsafLibTest;
  export const mandatoryTest_6_1_7: CsafLibTest;
  export const mandatoryTest_6_1_8: CsafLibTest;
  export const mandatoryTest_6_1_9: CsafLibTest;
  export const mandatoryTest_6_1_10: CsafLibTest;
  export const mandatoryTest_6_1_11: CsafLibTest;
  export const mandatoryTest_6_1_12: CsafLibTest;
  export const mandatoryTest_6_1_13: CsafLibTest;
  export const mandatoryTest_6_1_14: CsafLibTest;
  export const mandatoryTest_6_1_15: CsafLibTest;
  export const mandatoryTest_6_1_16: CsafLibTest;
  export const mandatoryTest_6_1_17: CsafLibTest;
  export const mandatoryTest_6_1_18: CsafLibTest;
  export const mandatoryTest_6_1_19: CsafLibTest;
  export const mandatoryTest_6_1_20: CsafLibTest;
  export const mandatoryTest_6_1_21: CsafLibTest;
  export const mandatoryTest_6_1_22: CsafLibTest;
  export const mandatoryTest_6_1_23: CsafLibTest;
  export const mandatoryTest_6_1_24: CsafLibTest;
  export const mandatoryTest_6_1_25: CsafLibTest;
  export const mandatoryTest_6_1_26: CsafLibTest;
  export const mandatoryTest_6_1_27_1: CsafLibTest;
  export const mandatoryTest_6_1_27_2: CsafLibTest;
  export const mandatoryTest_6_1_27_3: CsafLibTest;
  export const mandatoryTest_6_1_27_4: CsafLibTest;
  export const mandatoryTest_6_1_27_5: CsafLibTest;
  export const mandatoryTest_6_1_27_6: CsafLibTest;
  export const mandatoryTest_6_1_27_7: CsafLibTest;
  export const mandatoryTest_6_1_27_8: CsafLibTest;
  export const mandatoryTest_6_1_27_9: CsafLibTest;
  export const mandatoryTest_6_1_27_10: CsafLibTest;
  export const mandatoryTest_6_1_27_11: CsafLibTest;
  export const mandatoryTest_6_1_28: CsafLibTest;
  export const mandatoryTest_6_1_29: CsafLibTest;
  export const mandatoryTest_6_1_30: CsafLibTest;
  export const mandatoryTest_6_1_31: CsafLibTest;
  export const mandatoryTest_6_1_32: CsafLibTest;
  export const mandatoryTest_6_1_33: CsafLibTest;
}

declare module '@secvisogram/csaf-validator-lib/optionalTests.js' {
  import type { CsafLibTest } from '@secvisogram/csaf-validator-lib/validate.js';
  export const optionalTest_6_2_1: CsafLibTest;
  export const optionalTest_6_2_2: CsafLibTest;
  export const optionalTest_6_2_3: CsafLibTest;
  export const optionalTest_6_2_4: CsafLibTest;
  export const optionalTest_6_2_5: CsafLibTest;
  export const optionalTest_6_2_6: CsafLibTest;
  export const optionalTest_6_2_7: CsafLibTest;
  export const optionalTest_6_2_8: CsafLibTest;
  export const optionalTest_6_2_9: CsafLibTest;
  export const optionalTest_6_2_10: CsafLibTest;
  export const optionalTest_6_2_11: CsafLibTest;
  export const optionalTest_6_2_12: CsafLibTest;
  export const optionalTest_6_2_13: CsafLibTest;
  export const optionalTest_6_2_14: CsafLibTest;
  export const optionalTest_6_2_15: CsafLibTest;
  export const optionalTest_6_2_16: CsafLibTest;
  export const optionalTest_6_2_17: CsafLibTest;
  export const optionalTest_6_2_18: CsafLibTest;
  export const optionalTest_6_2_19: CsafLibTest;
  export const optionalTest_6_2_20: CsafLibTest;
}

// The CSAF 2.0 JSON schema (non-strict) and the FIRST CVSS schemas it refers to, for the provider metadata
// schema, which takes its `publisher` definition from the CSAF schema.
declare module '@secvisogram/csaf-validator-lib/lib/schemaTests/csaf_2_0/schema.js' {
  const schema: Record<string, unknown> & { $id: string };
  export default schema;
}

declare module '@secvisogram/csaf-validator-lib/schemas/*' {
  const schema: Record<string, unknown> & { $id: string };
  export default schema;
}
