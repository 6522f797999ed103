/**
 * What a build keeps between builds, in one place the pipeline asks: the parse cache (outcomes of
 * parsing and rendered bodies, by content) and the version of the code that made them.
 */
export { contentKey, openParseCache, parserVersion, type ParseCache } from './cache.js';
