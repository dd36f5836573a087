import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// ajv-formats is CommonJS; its default export is the plugin function.
const addFormats = addFormatsModule as unknown as (instance: Ajv) => Ajv;
const SHARED = { removeAdditional: false, useDefaults: true, allErrors: true, addUsedSchema: false } as const;

/**
 * Route validation with two Ajv instances. Query strings, path parameters and headers arrive as text, so
 * they are coerced to the schema's types ("5" to 5, a lone value to a one-item list). JSON bodies already
 * carry their types and are checked as sent: with coercion, a `null` sent for "not known" would become 0
 * (Ajv tries the number branch of a number-or-null union first) and the record would claim a figure.
 */
export function registerValidation(app: FastifyInstance): void {
  const coercing = addFormats(new Ajv({ ...SHARED, coerceTypes: 'array' }));
  const exact = addFormats(new Ajv({ ...SHARED, coerceTypes: false }));
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? exact : coercing).compile(schema as object),
  );
}
