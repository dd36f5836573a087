export type { SearchDocumentInput, SearchHit, SearchQuery, SearchResults } from './search.ts';
export {
  DEFAULT_SEARCH_LIMIT,
  indexDocument,
  indexDocuments,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_RESULTS,
  removeDocument,
  searchDocumentId,
  searchDocuments,
} from './search.ts';
export { MATCH_END, MATCH_START } from './text.ts';
