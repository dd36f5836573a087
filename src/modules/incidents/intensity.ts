/**
 * The intensity score of an incident: 0 to 10, from what the record says of its impacts and of the harm to
 * people. Every term is additive and shown with the score, so a reader can check the arithmetic; an unknown
 * figure counts as zero, so the score is a floor, never a guess. See docs/incidents.md.
 *
 *   availability    0; 1 if disrupted; 2 if for 24 hours or more; 3 if for 7 days (168 h) or more
 *   confidentiality 0; 1 if breached; 2 if 10,000 records or more were exposed; 3 if 1,000,000 or more
 *   integrity       0; 1 if data or systems were altered
 *   physical        0; 2 if there were physical effects (damage to equipment, injury)
 *   economic        0; 1 if there was a loss; 2 if USD 1 million or more
 *   people          0; 1 if hospital services were disrupted or patients redirected;
 *                   +1 if essential services were lost; +1 if 100,000 people or more had their data leaked
 *
 * The sum is capped at 10.
 */
export interface IntensityInput {
  availability: { affected: boolean; durationHours: number | null };
  confidentiality: { affected: boolean; recordsExposed: number | null };
  integrity: { affected: boolean };
  physical: { affected: boolean };
  economic: { affected: boolean; lossUsd: number | null };
  harm: {
    hospitalServicesDisrupted: number | null;
    patientsRedirected: number | null;
    peopleDataLeaked: number | null;
    essentialServicesLost: number | null;
  };
}

export interface IntensityBreakdown {
  availability: number;
  confidentiality: number;
  integrity: number;
  physical: number;
  economic: number;
  people: number;
}

export interface Intensity {
  score: number;
  breakdown: IntensityBreakdown;
}

export const INTENSITY_MAX = 10;

const positive = (value: number | null): boolean => value !== null && value > 0;
const atLeast = (value: number | null, threshold: number): boolean => value !== null && value >= threshold;

export function intensityOf(input: IntensityInput): Intensity {
  const { availability, confidentiality, economic, harm } = input;
  const breakdown: IntensityBreakdown = {
    availability: !availability.affected
      ? 0
      : atLeast(availability.durationHours, 168)
        ? 3
        : atLeast(availability.durationHours, 24)
          ? 2
          : 1,
    confidentiality: !confidentiality.affected
      ? 0
      : atLeast(confidentiality.recordsExposed, 1_000_000)
        ? 3
        : atLeast(confidentiality.recordsExposed, 10_000)
          ? 2
          : 1,
    integrity: input.integrity.affected ? 1 : 0,
    physical: input.physical.affected ? 2 : 0,
    economic: !economic.affected ? 0 : atLeast(economic.lossUsd, 1_000_000) ? 2 : 1,
    people:
      (positive(harm.hospitalServicesDisrupted) || positive(harm.patientsRedirected) ? 1 : 0) +
      (positive(harm.essentialServicesLost) ? 1 : 0) +
      (atLeast(harm.peopleDataLeaked, 100_000) ? 1 : 0),
  };
  const sum = Object.values(breakdown).reduce((total, term) => total + term, 0);
  return { score: Math.min(INTENSITY_MAX, sum), breakdown };
}
