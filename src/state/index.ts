/**
 * What a build keeps between builds, in one place the pipeline asks: the parse cache (outcomes of
 * parsing and rendered bodies, by content), the version of the code that made them, what the last
 * build saw of each content file (so an unchanged file is not read again), and the notes kept of each
 * site a build wrote (what its files hold; the site's output stage asks for them).
 */
export { contentKey, openParseCache, parserVersion, type ParseCache } from './cache.js';
export { openFileIndex, type FileIndex } from './files.js';
export { inputsStamp, rememberBuild, unchangedSince, type BuildInputs, type LastReport } from './unchanged.js';
export { folderId, readManifest, retireManifests, saveManifest, type Manifest } from './manifests.js';
