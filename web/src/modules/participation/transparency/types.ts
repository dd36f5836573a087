import type { paths } from '../../../api/schema.d.ts';

export type Statistics =
  paths['/api/v1/participation/statistics']['get']['responses'][200]['content']['application/json'];
export type Bucket = Statistics['totals'];
