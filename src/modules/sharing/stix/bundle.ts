import { randomStixId } from './ids.ts';

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: object[];
}

/**
 * A STIX 2.1 bundle. Its id is a fresh UUIDv4 each time: a bundle is a transport envelope, not an object
 * anyone refers to, so two exports of the same records are two bundles holding the same object ids.
 * Objects that occur more than once (same id and `modified`) are kept once.
 */
export function makeBundle(objects: readonly object[]): StixBundle {
  const seen = new Set<string>();
  const unique: object[] = [];
  for (const object of objects) {
    const record = object as { id?: unknown; modified?: unknown; created?: unknown };
    const key =
      typeof record.id === 'string'
        ? `${record.id}|${String(record.modified ?? record.created ?? '')}`
        : null;
    if (key !== null) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    unique.push(object);
  }
  return { type: 'bundle', id: randomStixId('bundle'), objects: unique };
}
