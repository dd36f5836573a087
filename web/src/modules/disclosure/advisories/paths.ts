/** Addresses of the advisory pages, under /advisories. */

const segment = encodeURIComponent;

export const advisoriesPath = () => '/advisories';
export const newAdvisoryPath = (caseId: string) => `/advisories/new?case=${segment(caseId)}`;
export const advisoryPath = (id: string) => `/advisories/${segment(id)}`;
export const programStatisticsPath = (programId: string) =>
  `/advisories/programs/${segment(programId)}/statistics`;
/** Pages of other parts of the disclosure module that these pages link to. */
export const casePath = (caseId: string) => `/disclosure/cases/${segment(caseId)}`;
export const casesPath = () => '/disclosure/cases';
export const programPath = (programId: string) => `/disclose/${segment(programId)}`;
