/**
 * Every ksmail command, in the order `ksmail --help` lists them. A new command is a file in this
 * folder exporting a `defineCommand(...)`, added here.
 */
import type { Command } from '../command';
import { attachments } from './attachments';
import { dossier } from './dossier';
import { draft } from './draft';
import { eml } from './eml';
import { followup } from './followup';
import { law } from './law';
import { route } from './route';
import { subject } from './subject';

export const COMMANDS: readonly Command[] = [route, subject, draft, attachments, eml, followup, law, dossier];
