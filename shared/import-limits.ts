/**
 * How many paths one `import.paths` call may carry. The UI sends a folder in chunks of this size:
 * each chunk is one transaction (a savepoint per file), so a folder of thousands costs one
 * durable commit per chunk instead of one per file, and progress still moves every chunk.
 */
export const IMPORT_PATHS_MAX = 100;
