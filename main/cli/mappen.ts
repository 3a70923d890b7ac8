import type { Mappe } from '../../shared/contract-search.js';
import { fillTemplate, type Lang } from '../../shared/errors.js';
import { addToMappe, createMappe, deleteMappe, findMappe, listMappen, removeFromMappe, renameMappe, setMappeNote } from '../core/mappen.js';
import { UsageError, stringOpt, type CliCommand, type CliContext } from './command.js';

const MESSAGES = {
  needSub: { de: 'Bitte list, create, rename, delete, add, remove oder note angeben. Siehe fundstelle mappen --help.', en: 'Please give list, create, rename, delete, add, remove or note. See fundstelle mappen --help.' },
  needName: { de: 'Bitte einen Namen angeben: fundstelle mappen create NAME', en: 'Please give a name: fundstelle mappen create NAME' },
  needMappe: { de: 'Bitte die Mappe angeben (ID oder Name).', en: 'Please name the Mappe (id or name).' },
  needArticles: { de: 'Bitte mindestens eine Artikel-ID angeben (Zahlen).', en: 'Please give at least one article ID (numbers).' },
  none: { de: 'Noch keine Mappen. Anlegen mit: fundstelle mappen create NAME', en: 'No Mappen yet. Create one with: fundstelle mappen create NAME' },
  created: { de: 'Mappe #{id} „{name}“ angelegt.', en: 'Created Mappe #{id} “{name}”.' },
  renamed: { de: 'Mappe #{id} heißt jetzt „{name}“.', en: 'Mappe #{id} is now called “{name}”.' },
  deleted: { de: 'Mappe „{name}“ gelöscht; ihre {n} Artikel bleiben in der Sammlung.', en: 'Deleted Mappe “{name}”; its {n} articles stay in the collection.' },
  added: { de: '{n} Artikel zu „{name}“ hinzugefügt (jetzt {total}).', en: 'Added {n} articles to “{name}” (now {total}).' },
  removed: { de: '{n} Artikel aus „{name}“ entfernt (jetzt {total}); sie bleiben in der Sammlung.', en: 'Removed {n} articles from “{name}” (now {total}); they stay in the collection.' },
  noted: { de: 'Notiz von „{name}“ gespeichert.', en: 'Saved the note of “{name}”.' },
  articles: { de: 'Artikel', en: 'articles' },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

function articleIds(args: string[], lang: Lang): number[] {
  if (args.length === 0 || args.some((a) => !/^\d+$/.test(a) || Number(a) < 1)) throw new UsageError(msg(lang, 'needArticles'));
  return args.map(Number);
}

function run({ db, positionals, values, lang, io }: CliContext): number {
  const [sub, ...args] = positionals;
  const json = values.json === true;
  const print = (value: unknown, text: string) => io.out(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
  const mappe = (): Mappe => {
    const ref = args[0];
    if (!ref) throw new UsageError(msg(lang, 'needMappe'));
    return findMappe(db, ref);
  };
  switch (sub) {
    case 'list': {
      const all = listMappen(db);
      if (json) io.out(`${JSON.stringify(all)}\n`);
      else if (all.length === 0) io.out(`${msg(lang, 'none')}\n`);
      else for (const m of all) io.out(`${String(m.id).padStart(5)}  ${m.name}  (${m.articleCount} ${msg(lang, 'articles')})${m.note ? ` — ${m.note.split('\n')[0]}` : ''}\n`);
      return 0;
    }
    case 'create': {
      const name = args.join(' ').trim();
      if (!name) throw new UsageError(msg(lang, 'needName'));
      const m = createMappe(db, name, stringOpt(values, 'note') ?? '');
      print(m, msg(lang, 'created', { id: m.id, name: m.name }));
      return 0;
    }
    case 'rename': {
      const { id } = mappe();
      const name = args.slice(1).join(' ').trim();
      if (!name) throw new UsageError(msg(lang, 'needName'));
      const m = renameMappe(db, id, name);
      print(m, msg(lang, 'renamed', { id: m.id, name: m.name }));
      return 0;
    }
    case 'delete': {
      const m = mappe();
      const r = deleteMappe(db, m.id);
      print({ ...r, id: m.id }, msg(lang, 'deleted', { name: m.name, n: r.articleCount }));
      return 0;
    }
    case 'add': {
      const list = articleIds(args.slice(1), lang);
      const m = mappe();
      const r = addToMappe(db, m.id, list);
      print(r, msg(lang, 'added', { n: r.added, name: m.name, total: r.mappe.articleCount }));
      return 0;
    }
    case 'remove': {
      const list = articleIds(args.slice(1), lang);
      const m = mappe();
      const r = removeFromMappe(db, m.id, list);
      print(r, msg(lang, 'removed', { n: r.removed, name: m.name, total: r.mappe.articleCount }));
      return 0;
    }
    case 'note': {
      const m = mappe();
      const r = setMappeNote(db, m.id, args.slice(1).join(' '));
      print(r, msg(lang, 'noted', { name: m.name }));
      return 0;
    }
    default:
      throw new UsageError(msg(lang, 'needSub'));
  }
}

/** `fundstelle mappen`: research folders. */
export const mappenCommand: CliCommand = {
  name: 'mappen',
  summary: { de: 'Mappen (Recherche-Ordner) anlegen, füllen, auflisten', en: 'Mappen (research folders): create, fill, list' },
  help: {
    de: `Aufruf: fundstelle mappen list|create NAME|rename ID NAME|delete ID|add ID ARTIKEL-ID...|remove ID ARTIKEL-ID...|note ID TEXT [--json] [--db PFAD]

Mappen sammeln Artikel zu einer Recherche; ein Artikel kann in mehreren Mappen liegen.
Statt der ID geht auch der Name (Groß-/Kleinschreibung egal). Löschen entfernt nur die Mappe,
nie die Artikel. create --note TEXT legt die Mappe mit einer Notiz an.
`,
    en: `Usage: fundstelle mappen list|create NAME|rename ID NAME|delete ID|add ID ARTICLE_ID...|remove ID ARTICLE_ID...|note ID TEXT [--json] [--db PATH]

Mappen (research folders) collect articles for a story; an article may be in several.
A Mappe can be named by id or by name (case ignored). Deleting removes only the Mappe, never
the articles. create --note TEXT adds a note.
`,
  },
  options: { note: { type: 'string' } },
  run,
};
