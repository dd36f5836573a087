import { createHash } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { TLP_LABELS } from '../access/tlp.ts';
import { COUNTRIES, REGIONS } from './countries.ts';
import { UN_LANGUAGES } from './languages.ts';
import {
  CountryList,
  LanguageList,
  RegionList,
  SectorList,
  StakeholderKindList,
  TlpLabelList,
} from './reference.schemas.ts';
import { SECTORS } from './sectors.ts';
import { STAKEHOLDER_KINDS } from './stakeholder-kinds.ts';

/** A response body serialized once, with its strong validator. */
export interface PrecomputedJson {
  body: Buffer;
  etag: string;
}

export function precomputeJson(value: unknown): PrecomputedJson {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}

// Reference data changes only with a release, so each body is built at load and served from memory.
const PAYLOADS = {
  countries: precomputeJson({ items: COUNTRIES }),
  regions: precomputeJson({ items: REGIONS }),
  stakeholderKinds: precomputeJson({ items: STAKEHOLDER_KINDS }),
  tlpLabels: precomputeJson({ items: TLP_LABELS }),
  languages: precomputeJson({ items: UN_LANGUAGES }),
  sectors: precomputeJson({ items: SECTORS }),
} as const;

const CACHE_CONTROL = 'public, max-age=3600';
const JSON_UTF8 = 'application/json; charset=utf-8';

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2), so `W/"x"` matches `"x"`; `*` matches anything. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header === etag) return true;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

function servePrecomputed(payload: PrecomputedJson) {
  return (request: FastifyRequest, reply: FastifyReply): void => {
    reply.header('cache-control', CACHE_CONTROL);
    reply.header('etag', payload.etag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], payload.etag)) {
      reply.code(304).send();
      return;
    }
    reply.header('content-type', JSON_UTF8);
    // A Buffer goes out as it is: Fastify neither serializes it again nor checks it against the schema.
    reply.send(payload.body);
  };
}

const NotModified = Type.Null({ description: 'Not modified: the ETag in If-None-Match is current.' });

export async function referenceRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get(
    '/reference/countries',
    {
      schema: {
        tags: ['reference'],
        summary: 'List countries and territories',
        description:
          'Every ISO 3166-1 country and territory with its UN M49 region, sub-region and intermediate ' +
          'region, named in the six UN languages. Cacheable; send If-None-Match to revalidate.',
        response: { 200: CountryList, 304: NotModified },
      },
    },
    servePrecomputed(PAYLOADS.countries),
  );

  routes.get(
    '/reference/regions',
    {
      schema: {
        tags: ['reference'],
        summary: 'List UN M49 regions',
        description:
          'The UN M49 geographic regions, sub-regions and intermediate regions, each with its parent, ' +
          'named in the six UN languages.',
        response: { 200: RegionList, 304: NotModified },
      },
    },
    servePrecomputed(PAYLOADS.regions),
  );

  routes.get(
    '/reference/stakeholder-kinds',
    {
      schema: {
        tags: ['reference'],
        summary: 'List stakeholder kinds',
        description:
          'The kinds of organization that take part, with names and descriptions in the six UN languages.',
        response: { 200: StakeholderKindList, 304: NotModified },
      },
    },
    servePrecomputed(PAYLOADS.stakeholderKinds),
  );

  routes.get(
    '/reference/tlp-labels',
    {
      schema: {
        tags: ['reference'],
        summary: 'List TLP 2.0 labels',
        description:
          'The Traffic Light Protocol 2.0 labels from least to most restricted, with their STIX 2.1 ' +
          'marking-definition ids, colours and audiences.',
        response: { 200: TlpLabelList, 304: NotModified },
      },
    },
    servePrecomputed(PAYLOADS.tlpLabels),
  );

  routes.get(
    '/reference/languages',
    {
      schema: {
        tags: ['reference'],
        summary: 'List the interface languages',
        description: 'The six official UN languages, each with its own name and writing direction.',
        response: { 200: LanguageList, 304: NotModified },
      },
    },
    servePrecomputed(PAYLOADS.languages),
  );

  routes.get(
    '/reference/sectors',
    {
      schema: {
        tags: ['reference'],
        summary: 'List critical-infrastructure sectors',
        description:
          'The critical-infrastructure sectors that points of contact serve and incidents affect, ' +
          'labelled in the six UN languages. Cacheable; send If-None-Match to revalidate.',
        response: { 200: SectorList, 304: NotModified },
      },
    },
    servePrecomputed(PAYLOADS.sectors),
  );
}
