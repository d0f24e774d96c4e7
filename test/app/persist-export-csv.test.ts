/**
 * CSV exports: RFC 4180 escaping checked by parsing the output back with an independent
 * RFC 4180 reader written here, on ids with commas, quotes, newlines and padding; the result
 * files carry the numbers of a real small simulation.
 */
import { describe, expect, it } from 'vitest';
import {
  adoptionCsv,
  csvField,
  csvTable,
  histogramCsv,
  nodeFrequencyCsv,
  reachByHopCsv,
  summaryCsv,
} from '../../src/app/export/csv.ts';
import { fileStem } from '../../src/app/export/download.ts';
import { createSimulator } from '../../src/diffusion/simulator.ts';
import { summarize } from '../../src/diffusion/summary.ts';
import type { Scenario } from '../../src/engine/scenario.ts';
import { csrOf } from '../support/graphs.ts';
import { params } from '../support/simulate.ts';

/** RFC 4180 reader: a small state machine, independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('CSV escaping', () => {
  it('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rx')).toBe('"cr\rx"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
  });

  it('defuses text cells a spreadsheet would run as formulas, keeping numbers as numbers', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+cmd|/c calc')).toBe("'+cmd|/c calc");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    // A plain decimal number in a text cell (an id "-1") is read as that number, never run.
    expect(csvField('-1')).toBe('-1');
    expect(csvField('+3.5e2')).toBe('+3.5e2');
    expect(csvField(-1)).toBe('-1');
    expect(csvField(-0.25)).toBe('-0.25');
    // Only the first character matters.
    expect(csvField('a=1')).toBe('a=1');
    expect(csvField('Smith, John')).toBe('"Smith, John"');
  });

  it('round-trips awkward ids through an independent reader', () => {
    const ids = ['a,b', '"quoted"', 'multi\nline', 'cr\r\nlf', ' lead', 'trail ', '007', '', 'ünï,"🦊"'];
    const labels = ids.map((id, i) => (i % 2 ? `label of ${id}` : null));
    const counts = Uint32Array.from(ids.map((_, i) => (i * 7) % 5));
    const rows = parseCsv(nodeFrequencyCsv(counts, 10, ids, labels));
    expect(rows[0]).toEqual(['id', 'label', 'runs_active', 'frequency']);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byId.size).toBe(ids.length);
    ids.forEach((id, i) => {
      const r = byId.get(id)!;
      expect(r[1]).toBe(labels[i] ?? '');
      expect(Number(r[2])).toBe(counts[i]);
      expect(Number(r[3])).toBe(counts[i] / 10);
    });
    // Most frequent first, ties in node order.
    const order = rows.slice(1).map((r) => Number(r[2]));
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('rejects counts of another graph', () => {
    expect(() => nodeFrequencyCsv(new Uint32Array(3), 1, ['a'], null)).toThrow(/3 counts for 1 nodes/);
  });

  it('writes a header even with no rows', () => {
    expect(csvTable(['a', 'b'], [])).toBe('a,b\r\n');
  });
});

describe('result CSV files', () => {
  // Path 0 -> 1 -> 2 with p = 1: every run reaches all three nodes, node k at step and hop k.
  const csr = csrOf(3, [
    [0, 1],
    [1, 2],
  ]);
  const shard = createSimulator(csr, params({ model: 'ic', p: 1 })).runShard({
    seeds: { kind: 'groups', groups: [{ nodes: [0], start: 0 }] },
    rngSeed: 1,
    firstRun: 0,
    runCount: 20,
    traceRun: null,
    nodeCounts: true,
  });
  const summary = summarize(shard);
  const scenario: Scenario = {
    version: 1,
    graph: { kind: 'file', name: 'path.txt' },
    direction: 'influences',
    edgeValues: 'probability',
    model: 'ic',
    params: { p: 1, gamma: 0.2, phi: 0.18, maxSteps: null },
    seeds: { kind: 'groups', groups: [{ ids: ['a,1'], start: 0 }] },
    runs: 20,
    rngSeed: 1,
  };

  it('summary: one metric per line with the run numbers', () => {
    const rows = parseCsv(summaryCsv(summary, { scenario, nodes: 3, graphName: 'path, test', seconds: 0.5 }));
    const m = new Map(rows.slice(1).map(([k, v]) => [k, v]));
    expect(rows[0]).toEqual(['metric', 'value']);
    expect(m.get('graph')).toBe('path, test');
    expect(Number(m.get('mean'))).toBe(3);
    expect(Number(m.get('share'))).toBe(1);
    expect(Number(m.get('runs'))).toBe(20);
    expect(m.get('seeds')).toBe('a,1@0');
    expect(m.get('max_steps')).toBe('');
  });

  it('reach by hop, adoption by step with CI, histogram', () => {
    expect(parseCsv(reachByHopCsv(summary, [1, 2, 3, 3]))).toEqual([
      ['hop', 'mean_active_within_hops', 'structural_reach_within_hops'],
      ['0', '1', '1'],
      ['1', '2', '2'],
      ['2', '3', '3'],
      ['3', '3', '3'],
    ]);
    expect(parseCsv(reachByHopCsv(summary))[0]).toEqual(['hop', 'mean_active_within_hops']);
    const adoption = parseCsv(adoptionCsv(summary));
    expect(adoption[0]).toEqual(['step', 'mean_active', 'ci95_low', 'ci95_high']);
    expect(adoption.slice(1).map((r) => r.slice(0, 2).map(Number))).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    // Every run is identical, so the band has zero width.
    for (const r of adoption.slice(1)) expect(Number(r[2])).toBe(Number(r[3]));
    expect(parseCsv(histogramCsv(summary))).toEqual([
      ['size_from', 'size_to', 'runs'],
      ['3', '3', '20'],
    ]);
    expect(parseCsv(nodeFrequencyCsv(shard.nodeCounts!, 20, ['a', 'b', 'c'], null)).slice(1)).toEqual([
      ['a', '', '20', '1'],
      ['b', '', '20', '1'],
      ['c', '', '20', '1'],
    ]);
  });

  it('file names are safe', () => {
    expect(fileStem('facebook_combined.txt')).toBe('facebook_combined');
    expect(fileStem('../evil name?.csv.gz')).toBe('evil-name');
    expect(fileStem('***')).toBe('ripple');
  });
});
