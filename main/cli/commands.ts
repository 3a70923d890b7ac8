import { annotateCommand } from './annotate.js';
import { annotationsCommand } from './annotations.js';
import { archiveCommand } from './archive.js';
import { backupCommand, checkCommand, restoreCommand } from './backup.js';
import { citeCommand } from './cite.js';
import type { CliCommand } from './command.js';
import { contactsCommand } from './contacts.js';
import { inquiriesCommand } from './inquiries.js';
import { mappenCommand } from './mappen.js';
import { sourcesCommand } from './sources.js';

/**
 * Feature commands beyond import/list/show/search/web. Each feature adds its command module here
 * (one line), so the CLI's core stays unchanged.
 */
export const FEATURE_COMMANDS: CliCommand[] = [citeCommand, annotateCommand, annotationsCommand, contactsCommand, inquiriesCommand, sourcesCommand, backupCommand, restoreCommand, checkCommand, mappenCommand, archiveCommand];
