import type { paths } from '../../../api/schema.d.ts';

type JsonOf<P extends keyof paths, M extends 'get' | 'post', S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Consultation = JsonOf<'/api/v1/participation/consultations/{id}', 'get', 200>;
export type ConsultationStatus = Consultation['status'];
export type Contribution = JsonOf<'/api/v1/participation/consultations/{id}/contributions', 'post', 201>;
export type ContributionKind = Contribution['kind'];
export type DispositionOutcome = NonNullable<Contribution['disposition']>['outcome'];
export type DispositionTable = JsonOf<'/api/v1/participation/consultations/{id}/dispositions', 'get', 200>;

export const DISPOSITION_OUTCOMES: readonly DispositionOutcome[] = [
  'incorporated',
  'partly_incorporated',
  'considered',
  'out_of_scope',
];
