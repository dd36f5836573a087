import { api, call } from '../../../api/client.ts';
import type { StatisticsQuery } from './types.ts';

export const getIncidentStatistics = (query: StatisticsQuery) =>
  call(api.GET('/api/v1/incidents/statistics', { params: { query } }));
