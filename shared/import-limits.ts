/**
 * How many paths one `import.paths` call may carry. The UI sends a folder in chunks of this size,
 * two calls at a time: each chunk is one transaction (a savepoint per file) and one search-index
 * segment, so a folder of thousands costs one durable commit per chunk instead of one per file,
 * and progress still moves every chunk (a few tenths of a second).
 */
export const IMPORT_PATHS_MAX = 250;

/**
 * How many `import.paths` calls the UI keeps in flight: two, so the main process parses one call's
 * files (on its parse worker) while it stores the call before.
 */
export const IMPORT_CALLS_IN_FLIGHT = 2;

/**
 * Browser mode, where the page sends file contents: files per `import.uploads` call, and the
 * content bytes per call the UI aims at (a larger file goes alone). Each call is one transaction
 * with a savepoint per file, like an `import.paths` call: a folder of small wire stories costs a
 * durable commit per 50 files instead of one per file.
 */
export const IMPORT_UPLOADS_MAX = 50;
export const IMPORT_UPLOAD_BATCH_BYTES = 8 * 1024 * 1024;
