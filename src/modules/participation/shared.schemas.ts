import { Type } from 'typebox';

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });

/** An ISO 8601 instant with its offset; the API stores and returns UTC. */
export const Instant = Type.String({ format: 'date-time', maxLength: 40 });

/** Who a contribution or application belongs to, as the public sees it. */
export const OrganizationRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  countryCode: Nullable(Type.String()),
});
