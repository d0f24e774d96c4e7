/**
 * Loading as the app does it: where the bytes come from (bundled dataset, same-origin URL, user
 * file), the direction question for edge lists, parsing in a worker, and publishing the graph.
 * The previous graph and scenario stay when anything fails; the error goes to store.load.
 * The scenario drives loading: when its graph, direction or edge values differ from what is
 * loaded, syncWithScenario() reloads.
 */

import type { GraphSource, Scenario } from '../../engine/scenario.ts';
import type { Direction, EdgeValues } from '../../graph/types.ts';
import { DATASETS } from '../bundled/datasets.ts';
import { keepKnown, topBy } from '../seeds/seeds.ts';
import { type Notice, noticeOf } from '../state/notice.ts';
import type { Store } from '../state/store.ts';
import type { GraphState } from '../state/types.ts';
import type { EdgeListPreview } from './direction-guess.ts';
import { fetchBytes, parseInWorker, sniff } from './loader.ts';
import { t } from './messages.ts';

/** Asks the user how to read an edge list; null = cancelled. */
export type AskDirection = (
  file: string,
  preview: EdgeListPreview,
) => Promise<{ direction: Direction; edgeValues: EdgeValues } | null>;

interface Loaded {
  key: string;
  direction: Direction;
  edgeValues: EdgeValues;
}

const sourceKey = (s: GraphSource): string =>
  s.kind === 'bundled' ? `bundled:${s.file}` : s.kind === 'url' ? `url:${s.url}` : `file:${s.name}`;

export class LoadController {
  private serial = 0;
  private current: Loaded | null = null;
  private pending: AbortController | null = null;
  /** The bytes of the last user file, so changing its direction or edge values needs no reopening. */
  private lastFile: { name: string; bytes: Uint8Array } | null = null;

  constructor(
    private readonly store: Store,
    private readonly ask: AskDirection,
  ) {}

  /** The last user file's bytes (the persist module autosaves them), or null. */
  get userFile(): { name: string; bytes: Uint8Array } | null {
    return this.lastFile;
  }

  /** Keep a user file's bytes (restored from the autosave) so a scenario naming it can load. */
  rememberFile(name: string, bytes: Uint8Array): void {
    this.lastFile = { name, bytes };
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  /** Load a bundled dataset with its manifest direction. */
  loadBundled(file: string): Promise<boolean> {
    const d = DATASETS.find((x) => x.file === file);
    if (!d) {
      this.fail({ say: () => t('data.notBundled', { name: file }) });
      return Promise.resolve(false);
    }
    return this.load({ kind: 'bundled', file }, d.name, () => fetchBytes(d.url, d.file), {
      direction: d.direction,
      edgeValues: d.edgeValues ?? 'probability',
    });
  }

  /** Load a user's file; edge lists ask for the direction first. */
  loadFile(file: File): Promise<boolean> {
    return this.load({ kind: 'file', name: file.name }, file.name, async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      this.lastFile = { name: file.name, bytes };
      return bytes;
    });
  }

  /** Load ?graph=URL (same origin only). */
  loadUrl(url: string, direction?: Direction, edgeValues?: EdgeValues): Promise<boolean> {
    const name = safeDecode(url.split(/[?#]/)[0].split('/').pop() || url);
    return this.load({ kind: 'url', url }, name, () => fetchBytes(url, name), {
      direction,
      edgeValues,
    });
  }

  /** Reload when the scenario names another graph, direction or edge values than loaded. */
  async syncWithScenario(scenario: Scenario): Promise<void> {
    if (this.pending) return;
    const key = sourceKey(scenario.graph);
    const c = this.current;
    if (c && c.key === key && c.direction === scenario.direction && c.edgeValues === scenario.edgeValues)
      return;
    const chosen = { direction: scenario.direction, edgeValues: scenario.edgeValues };
    const g = scenario.graph;
    if (g.kind === 'bundled') {
      const d = DATASETS.find((x) => x.file === g.file);
      if (!d) return this.fail({ say: () => t('data.notBundled', { name: g.file }) });
      await this.load(g, d.name, () => fetchBytes(d.url, d.file), chosen);
    } else if (g.kind === 'url') {
      await this.load(g, g.url.split('/').pop() || g.url, () => fetchBytes(g.url, g.url), chosen);
    } else if (this.lastFile && this.lastFile.name === g.name) {
      const bytes = this.lastFile.bytes;
      await this.load(g, g.name, async () => bytes, chosen);
    } else {
      const name = g.name;
      this.fail({ say: () => t('data.fileAgain', { name }) });
    }
  }

  private fail(error: Notice): void {
    this.store.load.value = { state: 'error', name: null, error };
  }

  private async load(
    source: GraphSource,
    name: string,
    read: () => Promise<Uint8Array>,
    chosen: { direction?: Direction; edgeValues?: EdgeValues } = {},
  ): Promise<boolean> {
    this.pending?.abort();
    const controller = new AbortController();
    this.pending = controller;
    this.store.load.value = { state: 'loading', name, error: null };
    try {
      const bytes = await read();
      let { direction, edgeValues } = chosen;
      if (!direction) {
        const sniffed = await sniff(bytes, name);
        if (sniffed.preview) {
          const answer = await this.ask(name, sniffed.preview);
          if (!answer) {
            if (this.pending === controller)
              this.store.load.value = { state: 'idle', name: null, error: null };
            return false;
          }
          ({ direction, edgeValues } = answer);
        }
      }
      const parsed = await parseInWorker(bytes, { file: name, direction, edgeValues }, controller.signal);
      if (controller.signal.aborted) return false;
      const loaded = parsed.loaded;
      const index = new Map<string, number>();
      loaded.ids.forEach((id, i) => {
        index.set(id, i);
      });
      const state: GraphState = { loaded, source, name, facts: parsed.facts, index, serial: ++this.serial };
      const finalValues = edgeValues ?? 'probability';
      this.current = { key: sourceKey(source), direction: loaded.report.direction, edgeValues: finalValues };
      const before = this.store.scenario.peek();
      this.store.setGraph(state);
      const sameGraph = sourceKey(before.graph) === sourceKey(source);
      let seeds = sameGraph ? keepKnown(before.seeds, index) : null;
      if (!seeds || (seeds.kind === 'groups' && seeds.groups.every((g) => g.ids.length === 0))) {
        const top = topBy(parsed.facts, 'pagerank', 1).map((v) => loaded.ids[v]);
        seeds = { kind: 'groups', groups: [{ ids: top, start: 0 }] };
      }
      this.store.patchScenario({
        graph: source,
        direction: loaded.report.direction,
        edgeValues: finalValues,
        seeds,
      });
      return true;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return false;
      this.fail(noticeOf(error));
      return false;
    } finally {
      if (this.pending === controller) this.pending = null;
    }
  }
}

/** A percent-decoded name, or the text as it is when it is not valid percent-encoding ("%"). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
