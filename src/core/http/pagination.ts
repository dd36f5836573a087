import { type Static, Type } from 'typebox';
import { badRequest } from './errors.ts';

export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Opaque cursor from `nextCursor`.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type PageQuery = Static<typeof PageQuery>;

export const pageOf = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the sort key of the last item, base64url-encoded. */
export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify([key])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | number | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && (typeof value[0] === 'string' || typeof value[0] === 'number'))
      return value[0];
  } catch {
    // fall through to the error below
  }
  throw badRequest('invalid_cursor', 'The cursor is not valid; start again without it.');
}

/** Takes `limit + 1` rows (as fetched) and builds the page, with a cursor when more remain. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => string | number,
  present: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(present),
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/** A cursor whose key is a string (a time-sortable id, mostly); anything else is the client's error. */
export function decodeStringCursor(cursor: string | undefined): string | undefined {
  const value = decodeCursor(cursor);
  if (value !== undefined && typeof value !== 'string') {
    throw badRequest('invalid_cursor', 'The cursor is not valid; start again without it.');
  }
  return value;
}
