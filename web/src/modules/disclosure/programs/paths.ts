/** Addresses of the public disclosure pages, under /disclose, and of the files the API serves for a program. */

const segment = encodeURIComponent;

export const programsPath = () => '/disclose';
export const newProgramPath = () => '/disclose/new';
export const programPath = (id: string) => `/disclose/${segment(id)}`;
export const editProgramPath = (id: string) => `/disclose/${segment(id)}/edit`;
export const reportFormPath = (id: string) => `/disclose/${segment(id)}/report`;
export const programKeyUrl = (id: string) => `/api/v1/disclosure-programs/${segment(id)}/openpgp.asc`;
export const programSecurityTxtUrl = (id: string) =>
  `/api/v1/disclosure-programs/${segment(id)}/security.txt`;
