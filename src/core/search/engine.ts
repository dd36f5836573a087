import type { RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';

/** A document as stored, with the normalized words each engine indexes (see text.ts). */
export interface IndexRow {
  id: string;
  source: string;
  source_id: string;
  title: string;
  body: string;
  language: string | null;
  url: string;
  visibility: string;
  org_id: string | null;
  published_at: string;
  indexTitle: string;
  indexBody: string;
}

export interface PageRequest {
  /** Normalized terms, at least one; all must match, the last one also as a prefix. */
  terms: string[];
  /** A condition on `search_documents AS d`: visibility, sources, language. */
  filter: RawBuilder<unknown>;
  limit: number;
  offset: number;
}

export interface PageRow {
  id: string;
  source: string;
  source_id: string;
  title: string;
  body: string;
  url: string;
  language: string | null;
  published_at: string;
}

/**
 * What differs between SQLite FTS5 and PostgreSQL tsvector. Everything else (the table's portable
 * columns, removal, filters, snippets, cursors) is shared in search.ts.
 */
export interface SearchEngine {
  /** Inserts or replaces documents with distinct ids; runs inside the caller's transaction. */
  upsert(db: Db, rows: IndexRow[]): Promise<void>;
  /** One page of matches, best first, then newest first, then by id. */
  findPage(db: Db, request: PageRequest): Promise<PageRow[]>;
}

/** Multi-row inserts stay well under each engine's limit on bound parameters. */
export function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
