import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { confirmContact } from '../freshness/freshness.service.ts';
import * as schemas from './entries.schemas.ts';
import {
  editContact,
  findContacts,
  getContact,
  getContactKey,
  nominate,
  removeContact,
} from './entries.service.ts';

const tags = ['contacts'];
const { IdParams } = schemas;

export async function entryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'Search the directory of points of contact',
        description:
          'For the verified community and the secretariat. Members of an organization not yet verified may ' +
          'list their own organization’s entries with `orgId`. Every filter narrows; repeat a filter for several values.',
        querystring: schemas.ContactQuery,
        response: { 200: schemas.ContactList },
      },
    },
    (request) => findContacts(ctx, request.actor, request.query),
  );

  app.post(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'Nominate a point of contact',
        description:
          'An admin of a verified organization, or the secretariat. The entry is confirmed now and valid for ' +
          'four calendar months; the nominated member is told in the app and by e-mail.',
        body: schemas.Nominate,
        response: { 201: schemas.Contact },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) => reply.status(201).send(await nominate(ctx, request.actor, request.body)),
  );

  app.get(
    '/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Get a point of contact',
        params: IdParams,
        response: { 200: schemas.Contact },
      },
    },
    (request) => getContact(ctx, request.actor, request.params.id),
  );

  app.get(
    '/contacts/:id/openpgp.asc',
    {
      schema: {
        tags,
        summary: 'Download the contact’s OpenPGP public key',
        params: IdParams,
        produces: ['application/pgp-keys'],
        response: { 200: Type.String({ description: 'An ASCII-armored OpenPGP public key.' }) },
      },
    },
    async (request, reply) => {
      const key = await getContactKey(ctx, request.actor, request.params.id);
      return reply
        .type('application/pgp-keys')
        .header('content-disposition', `attachment; filename="${key.fingerprint}.asc"`)
        .send(key.armored);
    },
  );

  app.patch(
    '/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Edit a point of contact (and confirm it)',
        params: IdParams,
        body: schemas.Edit,
        response: { 200: schemas.Contact },
      },
    },
    (request) => editContact(ctx, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Remove a point of contact',
        description: 'The entry leaves the directory; requests that named it keep their history.',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeContact(ctx, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/contacts/:id/confirmations',
    {
      schema: {
        tags,
        summary: 'Confirm a point of contact as still correct',
        description:
          'Signed in as the holder, an admin of the organization or the secretariat; or without signing in, ' +
          'with the token of the reminder link. Signed-in callers send `{}` and get the entry back; a token caller gets ' +
          'only `{ id, confirmedAt, validUntil }`. A link no longer confirms once its holder has left the organization ' +
          '(`holder_not_member`, 410) or while the organization is not verified (`organization_no_longer_verified`, 410). ' +
          'Renews the validity for four calendar months.',
        params: IdParams,
        body: schemas.ConfirmBody,
        response: { 200: Type.Union([schemas.Contact, schemas.LinkConfirmation]) },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    (request) => confirmContact(ctx, request.actor, request.params.id, request.body.token),
  );
}
