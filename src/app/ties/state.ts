/**
 * The page's groups file: the file the user opened or dropped (its name and text; parsed against
 * each graph by src/ties/groups.ts), and the last attempt's error. The file stays across graphs
 * (its accounts are matched again); it does not travel in a link, which keeps only its name.
 */
import { signal } from '@preact/signals';
import type { Notice } from '../state/notice.ts';

export interface GroupsFile {
  name: string;
  text: string;
}

export const groupsFile = signal<GroupsFile | null>(null);

/** Why the last file opened was refused (the previous file, if any, stays), or null. */
export const groupsError = signal<Notice | null>(null);
