/**
 * The kill test: child processes that really write to one collection — the `fundstelle import`
 * CLI on generated wire stories, and an annotation writer — are SIGKILLed at random moments. After
 * each round the parent checks that every write a child acknowledged (a JSON line on stdout, which
 * a child prints only after the write's transaction committed) is there and complete, that nothing
 * is half-written, and that integrity_check, the FTS5 integrity checks and the row counts between
 * tables and indexes all pass. `npm test` runs a few kills (tests/unit/reliability/kill.test.ts);
 * `npm run test:stress` runs 1,000 (tests/stress/run.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { checkDatabaseFile, needsRecoveryCheck } from '../../main/core/db-check.js';
import { openDatabase } from '../../main/db/open.js';
import { fillCollection, prng, storyText } from '../helpers/reliability.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'fundstelle.js');
const ANNOTATE_CHILD = path.join(ROOT, 'tests', 'stress', 'annotate-child.ts');

/** Credits every generated story carries: two reporters and an editor. */
export const STORY_CREDITS = 3;

/** A wire story (Reuters, German) the importer parses with its three credits; unique per `n`. */
export function killStory(n: number): string {
  const [first, ...rest] = storyText(n, 3 + (n % 4));
  const lead = (first ?? '').replace(/^Lindau \(Reuters\) - /, '');
  return [`Meldung ${n} aus Lindhafen`, '', `Lindhafen (Reuters) - ${lead}`, '', ...rest.flatMap((p) => [p, '']), '(Bericht von Jana Holmvik und Piet Ostergaard; Redigiert von Carla M. Feddersen)', ''].join('\n');
}

export interface KillStats {
  kills: number;
  rounds: number;
  /** Acknowledged imports / annotations checked after the kills. */
  ackedImports: number;
  ackedAnnotations: number;
  /** Acknowledged writes missing or incomplete afterwards (must be 0). */
  rowsLost: number;
  /** Articles or annotations found half-written (must be 0). */
  halfWritten: number;
  /** Rounds after which a -wal was left (the unclean end the app detects at start). */
  uncleanEnds: number;
  problems: string[];
  ms: number;
}

interface Ack {
  kind: 'import' | 'annotate';
  data: Record<string, unknown>;
}

/** How the children are started: through tsx (the real `bin/fundstelle.js`), or from esbuild bundles of the same code (starts several times faster: for the 1,000-kill run). */
interface ChildCommands {
  importer: string[];
  annotator: string[];
}

const TSX_CHILDREN: ChildCommands = { importer: [BIN], annotator: ['--import', 'tsx', ANNOTATE_CHILD] };

/** Bundles main/cli.ts and the annotation writer into `dir` (dependencies stay external, as in the Electron build). */
export async function bundledChildren(dir: string): Promise<ChildCommands> {
  const { build } = await import('esbuild');
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', absWorkingDir: ROOT, logLevel: 'error' } as const;
  const cliEntry = path.join(dir, 'cli-entry.ts');
  fs.writeFileSync(cliEntry, `import { main } from ${JSON.stringify(path.join(ROOT, 'main/cli.ts'))};\nprocess.exitCode = await main(process.argv.slice(2));\n`);
  // Two levels below the root, like main/core: the bundle then resolves node_modules and the
  // `../../package.json` that version.ts reads exactly as the sources do.
  const out = fs.mkdtempSync(path.join(ROOT, 'tests', '.stress-bundle-'));
  await build({ ...common, entryPoints: [cliEntry], outfile: path.join(out, 'cli.mjs') });
  await build({ ...common, entryPoints: [ANNOTATE_CHILD], outfile: path.join(out, 'annotate.mjs') });
  process.once('exit', () => fs.rmSync(out, { recursive: true, force: true }));
  return { importer: [path.join(out, 'cli.mjs')], annotator: [path.join(out, 'annotate.mjs')] };
}

function startChild(kind: Ack['kind'], args: string[], acks: Ack[], commands: ChildCommands): { child: ChildProcess; firstAck: Promise<void>; exited: Promise<void> } {
  const child =
    kind === 'import'
      ? spawn(process.execPath, [...commands.importer, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FUNDSTELLE_DB: '', FUNDSTELLE_LANG: 'en' } })
      : spawn(process.execPath, [...commands.annotator, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  let resolveFirst: () => void = () => {};
  const firstAck = new Promise<void>((r) => (resolveFirst = r));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      // Only complete lines count: a line cut by the kill was not acknowledged.
      if (line.trim()) {
        acks.push({ kind, data: JSON.parse(line) as Record<string, unknown> });
        resolveFirst();
      }
    }
  });
  child.stderr!.resume();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  void exited.then(resolveFirst);
  return { child, firstAck, exited };
}

/**
 * Files per round: 50 per importer with two writers, so each importer commits a first group of
 * PATH_IMPORT_GROUP (its first acknowledgements) and is then killed at a random moment while
 * parsing or committing the next.
 */
const FILES_PER_ROUND = 100;

/**
 * Runs at least `kills` SIGKILLs against a fresh collection in `dir`: per round `writers` importers
 * and `writers` annotation writers run at once (all on the same file, so busy_timeout is exercised
 * too), and each is killed at a random moment after its first acknowledged write; every fifth
 * round all of them at once (a power cut: nobody closes the collection cleanly).
 */
export async function runKillTest(opts: {
  kills: number;
  dir: string;
  seed?: number;
  writers?: number;
  filesPerRound?: number;
  maxDelayMs?: number;
  /**
   * Every how many rounds a power cut kills all writers at once (default 5). A power cut always
   * leaves the write-ahead log behind (the annotation writers run until killed); in other rounds
   * an importer that finishes last closes the collection cleanly.
   */
  powerCutEvery?: number;
  /** Start the children from esbuild bundles instead of tsx (faster; same code). */
  bundled?: boolean;
  log?: (s: string) => void;
}): Promise<KillStats> {
  const commands = opts.bundled ? await bundledChildren(opts.dir) : TSX_CHILDREN;
  const started = performance.now();
  const random = prng(opts.seed ?? 7);
  const dbPath = path.join(opts.dir, 'collection.sqlite');
  const seedDb = openDatabase(dbPath);
  fillCollection(seedDb, 5);
  seedDb.close();
  const stats: KillStats = { kills: 0, rounds: 0, ackedImports: 0, ackedAnnotations: 0, rowsLost: 0, halfWritten: 0, uncleanEnds: 0, problems: [], ms: 0 };
  const allAcks: Ack[] = [];
  let story = 0;
  while (stats.kills < opts.kills) {
    stats.rounds++;
    const roundDir = path.join(opts.dir, `round-${stats.rounds}`);
    fs.mkdirSync(roundDir);
    const files: string[] = [];
    for (let i = 0; i < (opts.filesPerRound ?? FILES_PER_ROUND); i++, story++) {
      const file = path.join(roundDir, `kill-${String(story).padStart(6, '0')}.txt`);
      fs.writeFileSync(file, killStory(story));
      files.push(file);
    }
    const acks: Ack[] = [];
    const writers = opts.writers ?? 1;
    const children = Array.from({ length: writers }, (_, w) => [
      // Each importer gets its own half of the round's files: two processes never race for one file.
      startChild('import', ['import', ...files.filter((_, i) => i % writers === w), '--db', dbPath, '--json'], acks, commands),
      startChild('annotate', [dbPath, `${stats.rounds}-${w}`], acks, commands),
    ]).flat();
    const kill = (child: ChildProcess) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        stats.kills++;
      }
    };
    if (stats.rounds % (opts.powerCutEvery ?? 5) === 0) {
      // Every fifth round a power cut: all writers killed at the same moment, none closes the file.
      await Promise.all(children.map((c) => c.firstAck));
      await new Promise((r) => setTimeout(r, Math.floor(random() * (opts.maxDelayMs ?? 250))));
      children.forEach((c) => kill(c.child));
      await Promise.all(children.map((c) => c.exited));
    } else {
      await Promise.all(
        children.map(async ({ child, firstAck, exited }) => {
          await firstAck;
          await new Promise((r) => setTimeout(r, Math.floor(random() * (opts.maxDelayMs ?? 250))));
          kill(child);
          await exited;
        }),
      );
    }
    if (needsRecoveryCheck(dbPath)) stats.uncleanEnds++;
    allAcks.push(...acks);
    verifyRound(dbPath, allAcks, stats);
    opts.log?.(`round ${stats.rounds}: ${stats.kills} kills, ${stats.ackedImports} imports and ${stats.ackedAnnotations} annotations acknowledged, ${stats.rowsLost} lost`);
  }
  stats.ms = Math.round(performance.now() - started);
  return stats;
}

/** Checks the collection after a round: every acknowledged write there and whole, nothing half-written, all checks clean. */
function verifyRound(dbPath: string, acks: readonly Ack[], stats: KillStats): void {
  const report = checkDatabaseFile(dbPath);
  if (!report.ok) stats.problems.push(...report.problems.map((p) => `round ${stats.rounds}: ${p}`));
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    stats.ackedImports = 0;
    stats.ackedAnnotations = 0;
    stats.problems = stats.problems.filter((p) => !p.includes('acknowledged'));
    let lost = 0;
    const article = db.prepare('SELECT title, source_file FROM articles WHERE id = ?');
    const credits = db.prepare('SELECT count(*) AS n FROM article_credits WHERE article_id = ?');
    // The article index is keyed by a search key when article_search_keys exists (search-index.ts).
    const keyed = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'article_search_keys'").get() !== undefined;
    const ftsRowOf = keyed ? '(SELECT key FROM article_search_keys WHERE article_id = ?)' : '?';
    const indexed = db.prepare(`SELECT count(*) AS n FROM articles_fts WHERE rowid = ${ftsRowOf}`);
    const annotation = db.prepare('SELECT seq, length(note) AS noteLength FROM annotations WHERE id = ?');
    const tags = db.prepare('SELECT count(*) AS n FROM annotation_tags WHERE annotation_seq = ?');
    const annIndexed = db.prepare('SELECT count(*) AS n FROM annotations_fts WHERE rowid = ?');
    for (const ack of acks) {
      if (ack.kind === 'import') {
        if (ack.data.error) continue; // a refused file was acknowledged as refused
        stats.ackedImports++;
        const row = article.get(ack.data.id) as { title: string; source_file: string } | undefined;
        const ok =
          row !== undefined &&
          row.title === ack.data.title &&
          (credits.get(ack.data.id) as { n: number }).n === STORY_CREDITS &&
          (indexed.get(ack.data.id) as { n: number }).n === 1;
        if (!ok) {
          lost++;
          stats.problems.push(`round ${stats.rounds}: acknowledged import ${JSON.stringify({ id: ack.data.id, title: ack.data.title })} missing or incomplete (${JSON.stringify(row ?? null)})`);
        }
      } else {
        stats.ackedAnnotations++;
        const row = annotation.get(ack.data.id) as { seq: number; noteLength: number } | undefined;
        const ok = row !== undefined && row.noteLength === ack.data.noteLength && (tags.get(row.seq) as { n: number }).n === 2 && (annIndexed.get(row.seq) as { n: number }).n === 1;
        if (!ok) {
          lost++;
          stats.problems.push(`round ${stats.rounds}: acknowledged annotation ${JSON.stringify(ack.data)} missing or incomplete (${JSON.stringify(row ?? null)})`);
        }
      }
    }
    stats.rowsLost = lost;
    // Half-written: any generated article without all its credits or its index row; any annotation without its tags or index row.
    stats.halfWritten =
      (
        db
          .prepare(
            `SELECT count(*) AS n FROM articles a WHERE a.source_file LIKE 'kill-%' AND (
               (SELECT count(*) FROM article_credits c WHERE c.article_id = a.id) <> ${STORY_CREDITS}
               OR NOT EXISTS (SELECT 1 FROM articles_fts f WHERE f.rowid = ${keyed ? '(SELECT key FROM article_search_keys k WHERE k.article_id = a.id)' : 'a.id'}))`,
          )
          .get() as { n: number }
      ).n +
      (
        db
          .prepare(
            `SELECT count(*) AS n FROM annotations n WHERE n.note LIKE 'Kill-Notiz%' AND (
               (SELECT count(*) FROM annotation_tags t WHERE t.annotation_seq = n.seq) <> 2
               OR NOT EXISTS (SELECT 1 FROM annotations_fts f WHERE f.rowid = n.seq))`,
          )
          .get() as { n: number }
      ).n;
  } finally {
    db.close();
  }
}
