/** `ripple stats`: what the loader read: counts, direction, what it dropped. */
import type { OptionSpec, ParsedOptions } from '../args.ts';
import type { CommandContext } from '../context.ts';
import { GRAPH_OPTIONS, loadGraphOption } from '../graph-options.ts';

export const STATS_OPTIONS: OptionSpec[] = [...GRAPH_OPTIONS];

export async function statsCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const started = performance.now();
  const { csr, report } = await loadGraphOption(options);
  const output = {
    nodes: csr.n,
    edges: report.edges,
    directed: csr.directed,
    selfLoops: report.selfLoops,
    duplicateEdges: report.duplicateEdges,
    arcs: csr.arcs,
    direction: report.direction,
    file: report.file,
    format: report.format,
    gzip: report.gzip,
    header: report.header,
    edgeLines: report.edgeLines,
    edgeValues: csr.values,
    warnings: report.warnings,
    loadSeconds: (performance.now() - started) / 1000,
  };
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const lines = [
    `${report.file} (${report.format}${report.gzip ? ', gzip' : ''}), read as ${report.direction}`,
    `nodes            ${csr.n}`,
    `edges            ${report.edges} ${csr.directed ? 'arcs' : 'undirected edges'}`,
    `self-loops       ${report.selfLoops} dropped`,
    `duplicate edges  ${report.duplicateEdges} merged`,
  ];
  if (report.header)
    lines.push(`header           line ${report.header.line}: ${report.header.text} (${report.header.kind})`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  ctx.stdout.write(`${lines.join('\n')}\n`);
}
