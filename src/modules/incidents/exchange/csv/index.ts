/** CSV import and export of incident records: docs/incidents-csv.md. */
export { CFR_ATTRIBUTOR_NAME, UNNAMED_RESPONDER } from './cfr.ts';
export { COMMONGROUND_COLUMNS, EXPORT_ONLY_COLUMNS, incidentsToCsv } from './commonground.ts';
export { countryCodeOf, splitCountryList } from './countries.ts';
export { CSV_LAYOUTS, type CsvLayout, type IncidentCsvResult, parseIncidentCsv } from './parse.ts';
export type { CsvProblem, IncidentCsvInput, ParsedCsvIncident } from './values.ts';
