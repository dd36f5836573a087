import { api, call } from '../../../api/client.ts';
import type { LanguageCode } from '../../../i18n/languages.ts';
import type { CreateProgramBody, UpdateProgramBody } from '../shared/types.ts';

// Every call of the program pages goes through here, so the paths live in one place.

const path = (id: string) => ({ path: { id } });

export const listPrograms = (cursor: string | undefined) =>
  call(api.GET('/api/v1/disclosure-programs', { params: { query: cursor ? { cursor } : {} } }));

/** A program, with its policy text in `lang`. */
export const getProgram = (id: string, lang: LanguageCode) =>
  call(api.GET('/api/v1/disclosure-programs/{id}', { params: { ...path(id), query: { lang } } }));

export const createProgram = (body: CreateProgramBody, idempotencyKey: string) =>
  call(api.POST('/api/v1/disclosure-programs', { body, headers: { 'Idempotency-Key': idempotencyKey } }));

export const updateProgram = (id: string, body: UpdateProgramBody) =>
  call(api.PATCH('/api/v1/disclosure-programs/{id}', { params: path(id), body }));
