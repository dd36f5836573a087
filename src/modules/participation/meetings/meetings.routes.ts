import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../shared.schemas.ts';
import * as schemas from './meetings.schemas.ts';
import {
  createMeeting,
  findMeetings,
  getMeeting,
  groupCalendar,
  processCalendar,
  removeSpeaker,
  requestToSpeak,
  updateMeeting,
} from './meetings.service.ts';

const tags = ['participation'];
const Calendar = { 200: Type.String({ description: 'An iCalendar (RFC 5545) feed.' }) };

function sendCalendar(reply: FastifyReply, body: string) {
  return reply.type('text/calendar; charset=utf-8').header('cache-control', 'public, max-age=300').send(body);
}

export async function meetingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/processes/:id/meetings',
    {
      schema: {
        tags,
        summary: 'List meetings',
        params: IdParams,
        querystring: schemas.MeetingQuery,
        response: { 200: schemas.MeetingList },
      },
    },
    (request) => findMeetings(ctx, request.params.id, request.query),
  );

  app.post(
    '/processes/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Schedule a meeting with its agenda',
        description: 'Plenary sessions by the secretariat; group meetings by the group’s chairs.',
        params: IdParams,
        body: schemas.CreateMeeting,
        response: { 201: schemas.Meeting },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting: agenda, speakers’ lists and statements',
        params: IdParams,
        response: { 200: schemas.Meeting },
      },
    },
    (request) => getMeeting(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change or cancel a meeting',
        params: IdParams,
        body: schemas.UpdateMeeting,
        response: { 200: schemas.Meeting },
      },
    },
    (request) => updateMeeting(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/agenda-items/:id/speakers',
    {
      schema: {
        tags,
        summary: 'Ask to speak on an agenda item',
        description:
          'States join the States’ list; stakeholders fill the item’s dedicated slots, then a waiting list.',
        params: IdParams,
        body: schemas.RequestToSpeak,
        response: { 200: schemas.Meeting },
      },
    },
    (request) => requestToSpeak(ctx, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/speakers/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw from a speakers’ list',
        params: IdParams,
        response: { 200: schemas.Meeting },
      },
    },
    (request) => removeSpeaker(ctx, request.actor, request.params.id),
  );

  app.get(
    '/processes/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'iCalendar feed of a process’s meetings',
        params: IdParams,
        produces: ['text/calendar'],
        response: Calendar,
      },
    },
    async (request, reply) => sendCalendar(reply, await processCalendar(ctx, request.params.id)),
  );

  app.get(
    '/groups/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'iCalendar feed of a group’s meetings',
        params: IdParams,
        produces: ['text/calendar'],
        response: Calendar,
      },
    },
    async (request, reply) => sendCalendar(reply, await groupCalendar(ctx, request.params.id)),
  );
}
