import { api, call } from '../../../api/client.ts';
import type { RecordEquitiesBody } from './types.ts';

const withId = (id: string) => ({ params: { path: { id } } });

export const getProgramStatistics = (programId: string) =>
  call(api.GET('/api/v1/disclosure-programs/{id}/statistics', withId(programId)));

export const recordEquities = (programId: string, body: RecordEquitiesBody) =>
  call(api.PUT('/api/v1/disclosure-programs/{id}/equities', { ...withId(programId), body }));

/** The program, for its name and whether the reader manages it. */
export const getProgram = (programId: string) =>
  call(api.GET('/api/v1/disclosure-programs/{id}', withId(programId)));
