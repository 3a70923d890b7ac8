import { parentPort } from 'node:worker_threads';
import { parseFileForStore, type ParsedFile } from './parse-job.js';
import type { Lang } from '../../../shared/errors.js';

/**
 * A parse worker of the folder import (parse-pool.ts): receives `{ id, files, lang }`, answers
 * `{ id, results }` with one ParsedFile per file, in order. It opens no database and writes
 * nothing; a file that cannot be parsed is an `error` in its result, not a failure of the worker.
 */
export interface ParseRequest {
  id: number;
  files: string[];
  lang: Lang;
}
export interface ParseReply {
  id: number;
  results: ParsedFile[];
}

const port = parentPort;
if (port) {
  port.on('message', (req: ParseRequest) => {
    void (async () => {
      const results: ParsedFile[] = [];
      for (const f of req.files) results.push(await parseFileForStore(f, req.lang, true));
      port.postMessage({ id: req.id, results } satisfies ParseReply);
    })();
  });
}
