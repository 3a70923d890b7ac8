import { parentPort } from 'node:worker_threads';
import { clearTermMemos, collectNewTerms } from '../search-text.js';
import type { NewTerms } from '../search-index.js';
import { parseFileForStore, type ParsedFile } from './parse-job.js';
import type { Lang } from '../../../shared/errors.js';

/**
 * A parse worker of the folder import (parse-pool.ts): receives `{ id, files, lang, termScope }`,
 * answers `{ id, results, newTerms }` with one ParsedFile per file, in order. It opens no database
 * and writes nothing; a file that cannot be parsed is an `error` in its result, not a failure of
 * the worker. Requests are handled one after the other, in the order they arrive.
 *
 * `newTerms`: the terms of the words this worker's term memo computed for the request (words it
 * had not seen). With a `termScope` (search-index.ts, `termScope`), the worker's memo starts empty
 * whenever the scope differs from the request before, so every term in its results has been
 * reported in this or an earlier reply of the same scope; the main thread records those in the
 * term list instead of scanning every term of every article.
 */
export interface ParseRequest {
  id: number;
  files: string[];
  lang: Lang;
  termScope?: number | undefined;
}
export interface ParseReply {
  id: number;
  results: ParsedFile[];
  newTerms: NewTerms | null;
}

const port = parentPort;
if (port) {
  const reported: string[] = [];
  collectNewTerms(reported);
  let scope: number | undefined;
  const handle = async (req: ParseRequest): Promise<void> => {
    if (req.termScope !== scope) {
      clearTermMemos();
      scope = req.termScope;
    }
    reported.length = 0;
    const results: ParsedFile[] = [];
    for (const f of req.files) results.push(await parseFileForStore(f, req.lang, true));
    const newTerms = scope === undefined ? null : { scope, terms: reported.join(' ') };
    reported.length = 0;
    port.postMessage({ id: req.id, results, newTerms } satisfies ParseReply);
  };
  // One at a time: a PDF is parsed asynchronously, and the next request must not start meanwhile.
  let queue = Promise.resolve();
  port.on('message', (req: ParseRequest) => {
    queue = queue.then(() => handle(req));
  });
}
