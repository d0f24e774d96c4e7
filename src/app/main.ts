/**
 * A first page on the engine: loads the default dataset, seeds it at the top account by
 * out-degree, and runs Monte Carlo cascades in the browser worker pool with progress and cancel.
 * The full app (sigma rendering, playback, panels) builds on this.
 */

import { AbortError } from '../../workers/pool.ts';
import { createBrowserPool } from '../../workers/spawn-browser.ts';
import { resolveParams } from '../diffusion/defaults.ts';
import { summarize } from '../diffusion/summary.ts';
import type { LoadedGraph } from '../graph/types.ts';
import { topByOutDegree } from '../seeding/seed-spec.ts';
import { fetchGraph } from './browser-io.ts';
import { DATASETS, DEFAULT_DATASET } from './datasets.ts';
import { el } from './dom.ts';

const pool = createBrowserPool();
const root = document.getElementById('app') as HTMLElement;

function render(graph: LoadedGraph, name: string): void {
  const seed = topByOutDegree(graph.csr, 1)[0];
  const runsInput = el('input', { type: 'number', min: '1', value: '1000', id: 'runs' });
  const pInput = el('input', { type: 'number', min: '0', max: '1', step: '0.01', value: '0.05', id: 'p' });
  const run = el('button', { type: 'button', 'data-testid': 'run' }, 'Run');
  const cancel = el('button', { type: 'button', 'data-testid': 'cancel', disabled: '' }, 'Cancel');
  const progress = el('progress', { max: '1', value: '0', 'data-testid': 'progress' });
  const result = el('p', { 'data-testid': 'result' });
  const mean = el('strong', { 'data-testid': 'spread-mean' });
  const status = el('p', { role: 'status', 'data-testid': 'status' });
  let controller: AbortController | null = null;

  run.addEventListener('click', async () => {
    controller = new AbortController();
    run.disabled = true;
    cancel.disabled = false;
    status.textContent = 'Simulating…';
    try {
      const params = resolveParams({ model: 'ic', p: Number(pInput.value) }, graph.csr);
      const merged = await pool.simulate(
        {
          params,
          seeds: { kind: 'groups', groups: [{ nodes: [seed], start: 0 }] },
          runs: Number(runsInput.value),
          rngSeed: 1,
          traceRun: 0,
        },
        { signal: controller.signal, onProgress: (p) => (progress.value = p.done / p.total) },
      );
      const s = summarize(merged);
      mean.textContent = s.mean.toFixed(2);
      result.replaceChildren(
        'Mean reach ',
        mean,
        ` of ${graph.csr.n} accounts (95% CI ${s.ci95[0].toFixed(2)} – ${s.ci95[1].toFixed(2)}), ${s.exposed.toFixed(1)} exposed, over ${s.runs} runs.`,
      );
      status.textContent = 'Done.';
    } catch (error) {
      status.textContent = error instanceof AbortError ? 'Cancelled.' : `Error: ${(error as Error).message}`;
    } finally {
      run.disabled = false;
      cancel.disabled = true;
    }
  });
  cancel.addEventListener('click', () => controller?.abort());

  pool.setGraph(graph.csr);
  root.replaceChildren(
    el('h1', {}, 'Ripple'),
    el(
      'p',
      { 'data-testid': 'graph-summary' },
      `${name}: ${graph.csr.n} nodes, ${graph.report.edges} edges (${graph.report.direction}).`,
    ),
    el(
      'p',
      {},
      `Seed: account ${graph.ids[seed]} (most followers-reach by out-degree). Independent cascade.`,
    ),
    el('label', {}, 'Runs ', runsInput),
    el('label', {}, ' p ', pInput),
    run,
    cancel,
    progress,
    result,
    status,
  );
}

async function start(): Promise<void> {
  const dataset = DATASETS.find((d) => d.file === DEFAULT_DATASET) ?? DATASETS[0];
  try {
    const graph = await fetchGraph(dataset.url, dataset.file, {
      direction: dataset.direction,
      edgeValues: dataset.edgeValues,
    });
    render(graph, dataset.name);
  } catch (error) {
    root.replaceChildren(el('p', { role: 'alert' }, (error as Error).message));
  }
}

void start();
