import type { paths } from '../../api/schema.d.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type CheckPage = Json<paths['/api/v1/communication-checks']['get']['responses'][200]>;
export type CheckSummary = CheckPage['items'][number];
export type CheckDetail = Json<paths['/api/v1/communication-checks/{id}']['get']['responses'][200]>;
export type CheckFilter = CheckSummary['filter'];
export type CheckTarget = CheckDetail['targets'][number];
export type NonResponder = CheckDetail['nonResponders'][number];
export type RegionStats = CheckDetail['byRegion'][number];
export type RoleStats = CheckDetail['byRole'][number];
export type CreateCheckBody = NonNullable<
  paths['/api/v1/communication-checks']['post']['requestBody']
>['content']['application/json'];
export type PocRole = NonNullable<NonNullable<CreateCheckBody['filter']>['roles']>[number];
export type Acknowledgement = Json<
  paths['/api/v1/communication-checks/acknowledgements']['post']['responses'][200]
>;
