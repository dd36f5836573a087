import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorForCase } from './case-access.ts';
import * as schemas from './cases.schemas.ts';
import { getCase, listCases, openCase, recordCaseEvent, updateCase } from './cases.service.ts';
import { proposeEmbargo, transitionEmbargo } from './embargo.service.ts';
import { inviteParticipant, reissueLink, removeParticipant } from './participants.service.ts';
import {
  addProducts,
  postCaseMessage,
  reviewStatement,
  submitStatement,
  updateProduct,
} from './responses.service.ts';

const tags = ['disclosure'];
const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const linkHeaders = Type.Object({
  'x-participant-token': Type.Optional(
    Type.String({
      maxLength: 200,
      description: "An invited participant's secret case link, for those without an account.",
    }),
  ),
  'x-reporter-token': Type.Optional(
    Type.String({
      maxLength: 200,
      description: "The reporter's secret report link; it stands for the reporter in the case.",
    }),
  ),
});

export async function caseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  const noStore = { 'cache-control': 'no-store' };

  app.post(
    '/vulnerability-reports/:id/case',
    {
      schema: {
        tags,
        summary: 'Open a coordinated disclosure case from a report',
        description:
          'By the coordinators of its program. The target date defaults to 45 days (presets 45, 90, 120).',
        params: IdParams,
        body: schemas.OpenCase,
        response: { 201: schemas.Case },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openCase(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/disclosure-cases',
    {
      schema: {
        tags,
        summary: 'Cases you coordinate or take part in',
        querystring: schemas.CaseQuery,
        response: { 200: schemas.CaseList },
      },
    },
    (request) => listCases(ctx, request.actor, request.query),
  );

  app.get(
    '/disclosure-cases/:id',
    {
      schema: {
        tags,
        summary: 'Read a case as your role sees it',
        description:
          "Coordinators see everything. A participant sees the others by name and role, the all-participants thread and its own private thread, and its own products and statements; other vendors' statuses and statements only once the advisory is published.",
        params: IdParams,
        headers: linkHeaders,
        response: { 200: schemas.Case },
      },
    },
    async (request, reply) =>
      reply.headers(noStore).send(await getCase(ctx, await actorForCase(ctx, request), request.params.id)),
  );

  app.patch(
    '/disclosure-cases/:id',
    {
      schema: {
        tags,
        summary: 'Edit a case: title, summary, CVE id, target date; close or reopen',
        params: IdParams,
        body: schemas.UpdateCase,
        response: { 200: schemas.Case },
      },
    },
    (request) => updateCase(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/disclosure-cases/:id/events',
    {
      schema: {
        tags,
        summary: 'Record exploitation in the wild or public disclosure (ends any embargo)',
        params: IdParams,
        body: schemas.CaseEvent,
        response: { 200: schemas.Case },
      },
    },
    (request) => recordCaseEvent(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/disclosure-cases/:id/participants',
    {
      schema: {
        tags,
        summary: 'Invite a vendor, an affected owner or an observer',
        description:
          'An organization of the platform (its members act for it) and/or an e-mail address, which receives a secret link that works before anyone there has an account. Products listed start as "no response yet".',
        params: IdParams,
        body: schemas.InviteParticipant,
        response: { 201: schemas.CaseInvitation },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .headers(noStore)
        .send(await inviteParticipant(ctx, request.actor, request.params.id, request.body)),
  );

  app.delete(
    '/disclosure-cases/:id/participants/:participantId',
    {
      schema: {
        tags,
        summary: 'Remove a participant (its links stop working)',
        params: Type.Object({ id: Id, participantId: Id }),
        response: { 200: schemas.Case },
      },
    },
    (request) => removeParticipant(ctx, request.actor, request.params.id, request.params.participantId),
  );

  app.post(
    '/disclosure-cases/:id/participants/:participantId/links',
    {
      schema: {
        tags,
        summary: "Withdraw a participant's links and mail a new one",
        params: Type.Object({ id: Id, participantId: Id }),
        response: { 201: schemas.CaseInvitation },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .headers(noStore)
        .send(await reissueLink(ctx, request.actor, request.params.id, request.params.participantId)),
  );

  app.post(
    '/disclosure-cases/:id/products',
    {
      schema: {
        tags,
        summary: 'Add products and versions to a vendor\'s list (they start as "no response yet")',
        params: IdParams,
        headers: linkHeaders,
        body: schemas.AddProducts,
        response: { 201: schemas.Case },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addProducts(ctx, await actorForCase(ctx, request), request.params.id, request.body)),
  );

  app.put(
    '/disclosure-cases/:id/products/:productId/status',
    {
      schema: {
        tags,
        summary: 'Set the status of a product and version',
        description:
          'affected, not_affected (with a VEX justification), fixed or under_investigation; "no response yet" is only ever the starting point.',
        params: Type.Object({ id: Id, productId: Id }),
        headers: linkHeaders,
        body: schemas.UpdateProduct,
        response: { 200: schemas.Case },
      },
    },
    async (request) =>
      updateProduct(
        ctx,
        await actorForCase(ctx, request),
        request.params.id,
        request.params.productId,
        request.body,
      ),
  );

  app.post(
    '/disclosure-cases/:id/statements',
    {
      schema: {
        tags,
        summary: 'Submit a statement; the coordinators approve it before it is published',
        params: IdParams,
        headers: linkHeaders,
        body: Type.Object(
          { ...schemas.SubmitStatement.properties, participantId: Type.Optional(Id) },
          { additionalProperties: false },
        ),
        response: { 201: schemas.Case },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitStatement(ctx, await actorForCase(ctx, request), request.params.id, request.body)),
  );

  app.post(
    '/disclosure-cases/:id/statements/:statementId/review',
    {
      schema: {
        tags,
        summary: 'Approve or reject a statement',
        params: Type.Object({ id: Id, statementId: Id }),
        body: schemas.ReviewStatement,
        response: { 200: schemas.Case },
      },
    },
    (request) =>
      reviewStatement(ctx, request.actor, request.params.id, request.params.statementId, request.body),
  );

  app.post(
    '/disclosure-cases/:id/messages',
    {
      schema: {
        tags,
        summary: 'Write to all participants, or in a private thread with the coordinators',
        params: IdParams,
        headers: linkHeaders,
        body: schemas.PostCaseMessage,
        response: { 201: schemas.Case },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await postCaseMessage(ctx, await actorForCase(ctx, request), request.params.id, request.body)),
  );

  app.post(
    '/disclosure-cases/:id/embargo',
    {
      schema: {
        tags,
        summary: 'Propose an embargo (coordinators); at most one at a time',
        params: IdParams,
        body: schemas.ProposeEmbargo,
        response: { 201: schemas.Case },
      },
    },
    async (request, reply) => {
      await proposeEmbargo(ctx, request.actor, request.params.id, request.body);
      return reply.status(201).send(await getCase(ctx, request.actor, request.params.id));
    },
  );

  app.post(
    '/disclosure-cases/:id/embargo/transitions',
    {
      schema: {
        tags,
        summary:
          'Move the embargo: activate, propose_revision (any participant), accept_revision, reject_revision, exit',
        params: IdParams,
        headers: linkHeaders,
        body: schemas.EmbargoTransition,
        response: { 200: schemas.Case },
      },
    },
    async (request) => {
      const actor = await actorForCase(ctx, request);
      await transitionEmbargo(ctx, actor, request.params.id, request.body);
      return getCase(ctx, actor, request.params.id);
    },
  );
}
