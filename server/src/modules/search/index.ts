export { messageSearch } from "./search.schema";
export { registerSearchRoutes } from "./search.routes";
export { startSearchIndexing, backfillSearchIndex, type SearchIndexer } from "./search.indexer";
export { searchTokens } from "./tokenize";
