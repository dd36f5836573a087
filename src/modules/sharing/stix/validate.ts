import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { TLP_STIX_EXTENSION_ID } from '../../../core/access/tlp.ts';
import { UN_NORMS_CONTENT_SCHEMA, UN_NORMS_EXTENSION_ID } from './extension.ts';
import {
  EVENT_SCHEMA,
  IMPACT_CATEGORY_SCHEMAS,
  IMPACT_SCHEMA,
  INCIDENT_CORE_CONTENT_SCHEMA,
  INCIDENT_CORE_EXTENSION_ID,
  TASK_SCHEMA,
} from './incident-core.ts';

/**
 * STIX 2.1 validation, one object at a time, against the OASIS JSON schema of the object's own type.
 *
 * Never against the bundle schema: its `oneOf` over every type rejects objects that are valid on their
 * own (an incident with extensions matches both the incident and the generic-core branches), and one
 * bad object would hide which one failed.
 *
 * Types without an OASIS schema (custom `x-…` types, anything newer) are checked against the common
 * core schema: the SDO/SRO core when the object carries `created`/`modified`/`created_by_ref`, the
 * cyber-observable core otherwise. The Incident Core Extension suite's new SDOs (`impact`, `event`,
 * `task`) are checked against the SDO core and, in addition, against their own properties
 * (incident-core.ts). On top of the schemas we check what they leave out and we rely on: the id's prefix
 * is the object's type, `spec_version` is "2.1" (required except on SCOs, where 2.1 is the default) and
 * `modified` is not before `created`.
 *
 * The content of the property extensions we know (TLP 2.0 on marking definitions, the incident core
 * extension, our UN norms extension) is checked against the extension's schema too; other extensions
 * only against the generic rule (an object with `extension_type`).
 */

export type StixValidation = { ok: true } | { ok: false; errors: string[] };
export interface StixObjectFailure {
  index: number;
  id: string | null;
  errors: string[];
}

const SCHEMA_DIR = new URL('./data/stix2-json-schemas/', import.meta.url);
const SCHEMA_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
const CORE_SCHEMA = `${SCHEMA_BASE}common/core.json`;
const OBSERVABLE_CORE_SCHEMA = `${SCHEMA_BASE}common/cyber-observable-core.json`;

/** Types whose schema lives in common/ rather than in a folder named after the family. */
const COMMON_TYPE_SCHEMAS: Readonly<Record<string, string>> = {
  'marking-definition': 'common/marking-definition.json',
  'extension-definition': 'common/extension-definition.json',
  'language-content': 'common/language-content.json',
};

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}';
const ID_PATTERN = new RegExp(`^([a-z][a-z0-9-]+[a-z0-9])--(${UUID})$`);

/** Schemas of the new SDO types of the Incident Core Extension suite, checked after the SDO core. */
const SUITE_TYPE_SCHEMAS: Readonly<Record<string, { $id: string }>> = {
  impact: IMPACT_SCHEMA,
  event: EVENT_SCHEMA,
  task: TASK_SCHEMA,
};

const TLP_2_0_CONTENT_SCHEMA = {
  $id: 'https://commonground.invalid/stix/tlp-2.0-content.json',
  type: 'object',
  additionalProperties: false,
  required: ['extension_type', 'tlp_2_0'],
  properties: {
    extension_type: { const: 'property-extension' },
    tlp_2_0: { enum: ['clear', 'green', 'amber', 'amber+strict', 'red'] },
  },
};

/** Property extensions whose content we check, by extension-definition id. */
const EXTENSION_CONTENT_SCHEMAS: Readonly<Record<string, { $id: string }>> = {
  [TLP_STIX_EXTENSION_ID]: TLP_2_0_CONTENT_SCHEMA,
  [INCIDENT_CORE_EXTENSION_ID]: INCIDENT_CORE_CONTENT_SCHEMA,
  [UN_NORMS_EXTENSION_ID]: UN_NORMS_CONTENT_SCHEMA,
};

const IMPACT_CATEGORY_SCHEMA_IDS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(IMPACT_CATEGORY_SCHEMAS).map((category) => [
    category,
    `https://commonground.invalid/stix/incident-core/impact-${category}.json`,
  ]),
);

interface Registry {
  ajv: Ajv2020;
  /** type → schema $id, for the types OASIS publishes a schema for. */
  schemaIdByType: Map<string, string>;
  /** Types of the cyber-observable family (spec_version optional, no created/modified). */
  observableTypes: Set<string>;
}

let registry: Registry | null = null;
const validatorByKey = new Map<string, ValidateFunction>();

function loadRegistry(): Registry {
  if (registry) return registry;
  // `unicodeRegExp: false`: the schemas' patterns use escapes that the `u` flag rejects (e.g. `\-`).
  // `strict: false`: they use `definitions` and keywords alongside `$ref` that strict mode refuses.
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: false });
  const addFormats = addFormatsModule as unknown as (instance: Ajv2020) => Ajv2020;
  addFormats(ajv);
  // ajv-formats has no IDN hostname; domain-name objects may carry any Unicode label, so accept non-empty.
  ajv.addFormat('idn-hostname', /^[^\s/]{1,253}$/u);

  const schemaIdByType = new Map<string, string>();
  const observableTypes = new Set<string>();
  for (const folder of ['common', 'sdos', 'sros', 'observables']) {
    for (const file of readdirSync(new URL(`${folder}/`, SCHEMA_DIR))) {
      if (!file.endsWith('.json')) continue;
      const schema = JSON.parse(readFileSync(new URL(`${folder}/${file}`, SCHEMA_DIR), 'utf8')) as {
        $id: string;
      };
      // Adding only registers the schema; it is compiled the first time an object of its type is seen.
      ajv.addSchema(schema);
      const type = file.slice(0, -'.json'.length);
      if (folder === 'common') continue;
      schemaIdByType.set(type, schema.$id);
      if (folder === 'observables') observableTypes.add(type);
    }
  }
  for (const [type, path] of Object.entries(COMMON_TYPE_SCHEMAS)) {
    schemaIdByType.set(type, `${SCHEMA_BASE}${path}`);
  }
  for (const schema of [...Object.values(SUITE_TYPE_SCHEMAS), ...Object.values(EXTENSION_CONTENT_SCHEMAS)]) {
    ajv.addSchema(schema);
  }
  for (const [category, schema] of Object.entries(IMPACT_CATEGORY_SCHEMAS)) {
    ajv.addSchema({ ...schema, $id: IMPACT_CATEGORY_SCHEMA_IDS[category] });
  }
  registry = { ajv, schemaIdByType, observableTypes };
  return registry;
}

function validatorFor(schemaId: string): ValidateFunction {
  const cached = validatorByKey.get(schemaId);
  if (cached) return cached;
  const validate = loadRegistry().ajv.getSchema(schemaId);
  if (!validate) throw new Error(`STIX schema ${schemaId} is not registered`);
  validatorByKey.set(schemaId, validate);
  return validate;
}

function runSchema(schemaId: string, value: unknown, pathPrefix: string, errors: string[]): void {
  const validate = validatorFor(schemaId);
  if (validate(value)) return;
  for (const error of withoutBranchNoise(validate.errors ?? [])) {
    const message = describeError(error, pathPrefix);
    if (!errors.includes(message)) errors.push(message);
  }
}

/**
 * An impact carries its details in an extension named after its category (`availability`, …), which
 * the common core's `extensions` rule does not allow; the core is checked without that entry, and the
 * entry against its category's schema.
 */
function checkImpact(object: Record<string, unknown>, errors: string[]): void {
  const category = typeof object.impact_category === 'string' ? object.impact_category : null;
  const extensions = isPlainObject(object.extensions) ? object.extensions : null;
  let coreView: Record<string, unknown> = object;
  if (category !== null && extensions !== null && category in extensions) {
    const { [category]: details, ...others } = extensions;
    coreView = { ...object, extensions: others };
    const categorySchemaId = IMPACT_CATEGORY_SCHEMA_IDS[category];
    if (categorySchemaId) runSchema(categorySchemaId, details, `/extensions/${category}`, errors);
    else if (!isPlainObject(details)) errors.push(`/extensions/${category} must be object`);
  } else if (category !== null) {
    errors.push(`/extensions must have an entry named after impact_category (${category})`);
  }
  runSchema(CORE_SCHEMA, coreView, '', errors);
  runSchema(IMPACT_SCHEMA.$id, coreView, '', errors);
}

function checkKnownExtensions(object: Record<string, unknown>, errors: string[]): void {
  if (!isPlainObject(object.extensions)) return;
  for (const [key, content] of Object.entries(object.extensions)) {
    const schema = EXTENSION_CONTENT_SCHEMAS[key];
    if (schema) runSchema(schema.$id, content, `/extensions/${key}`, errors);
  }
}

function describeError(error: ErrorObject, pathPrefix: string): string {
  const path = `${pathPrefix}${error.instancePath}`;
  const where = path === '' ? '(object)' : path;
  const params = error.params as Record<string, unknown>;
  const detail =
    typeof params.additionalProperty === 'string'
      ? ` (${params.additionalProperty})`
      : Array.isArray(params.allowedValues)
        ? ` (${params.allowedValues.join(', ')})`
        : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

/**
 * When an `anyOf`/`oneOf` fails, ajv also reports why each branch failed ("must be array", "must be
 * string", …); the combined error says the same in one line, so the branch errors are dropped.
 */
function withoutBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
  if (combinators.length === 0) return errors;
  return errors.filter(
    (error) =>
      !combinators.some(
        (combinator) =>
          combinator !== error &&
          error.instancePath === combinator.instancePath &&
          error.schemaPath.startsWith(`${combinator.schemaPath}/`),
      ),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Is this a type of the cyber-observable family, known or (by its shape) custom? */
function isObservable(type: string, object: Record<string, unknown>, known: Registry): boolean {
  if (known.observableTypes.has(type)) return true;
  if (known.schemaIdByType.has(type) || type in SUITE_TYPE_SCHEMAS) return false;
  return !('created' in object) && !('modified' in object) && !('created_by_ref' in object);
}

export function validateStixObject(object: unknown): StixValidation {
  if (!isPlainObject(object)) return { ok: false, errors: ['(object) must be a JSON object'] };
  const type = object.type;
  if (typeof type !== 'string' || type === '') {
    return { ok: false, errors: ['/type is required and must be a string'] };
  }
  if (type === 'bundle') {
    return { ok: false, errors: ['/type a bundle is not a STIX object: validate each of its objects'] };
  }
  const known = loadRegistry();
  const errors: string[] = [];

  const id = object.id;
  if (typeof id !== 'string') {
    errors.push('/id is required and must be a string');
  } else {
    const match = ID_PATTERN.exec(id);
    if (!match) errors.push(`/id must be of the form ${type}--<uuid>`);
    else if (match[1] !== type) errors.push(`/id must start with its type: ${type}--`);
  }

  const observable = isObservable(type, object, known);
  if (object.spec_version === undefined) {
    if (!observable) errors.push('/spec_version is required and must be "2.1"');
  } else if (object.spec_version !== '2.1') {
    errors.push('/spec_version must be "2.1"');
  }

  if (typeof object.created === 'string' && typeof object.modified === 'string') {
    const created = Date.parse(object.created);
    const modified = Date.parse(object.modified);
    if (!Number.isNaN(created) && !Number.isNaN(modified) && modified < created) {
      errors.push('/modified must not be earlier than created');
    }
  }

  const schemaId = known.schemaIdByType.get(type) ?? (observable ? OBSERVABLE_CORE_SCHEMA : CORE_SCHEMA);
  if (type === 'impact') {
    checkImpact(object, errors);
  } else {
    runSchema(schemaId, object, '', errors);
    const suiteSchema = SUITE_TYPE_SCHEMAS[type];
    if (suiteSchema) runSchema(suiteSchema.$id, object, '', errors);
  }
  checkKnownExtensions(object, errors);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** Validates every object; returns only the failures, with their position and id (when it has one). */
export function validateStixObjects(objects: unknown[]): StixObjectFailure[] {
  const failures: StixObjectFailure[] = [];
  objects.forEach((object, index) => {
    const result = validateStixObject(object);
    if (result.ok) return;
    const id = isPlainObject(object) && typeof object.id === 'string' ? object.id : null;
    failures.push({ index, id, errors: result.errors });
  });
  return failures;
}

const BUNDLE_ID = new RegExp(`^bundle--${UUID}$`);

/**
 * Checks a bundle's envelope (type, id, objects array) and then each object on its own schema.
 * `errors` are the envelope's; `failures` the objects'.
 */
export function validateStixBundle(bundle: unknown): {
  ok: boolean;
  errors: string[];
  failures: StixObjectFailure[];
} {
  if (!isPlainObject(bundle)) return { ok: false, errors: ['(bundle) must be a JSON object'], failures: [] };
  const errors: string[] = [];
  if (bundle.type !== 'bundle') errors.push('/type must be "bundle"');
  if (typeof bundle.id !== 'string' || !BUNDLE_ID.test(bundle.id)) {
    errors.push('/id must be of the form bundle--<uuid>');
  }
  if (bundle.objects !== undefined && !Array.isArray(bundle.objects))
    errors.push('/objects must be an array');
  const failures = Array.isArray(bundle.objects) ? validateStixObjects(bundle.objects) : [];
  return { ok: errors.length === 0 && failures.length === 0, errors, failures };
}
