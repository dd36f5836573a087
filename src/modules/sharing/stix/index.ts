// STIX 2.1 support other modules use, through the sharing module's index.
export * from './bundle.ts';
export * from './extension.ts';
export * from './ids.ts';
export * from './incident-core.ts';
export * from './markings.ts';
export * from './validate.ts';
