/** Six degrees: distances, hop plots, components, clustering and reach from seeds. Re-exports only. */
export * from './analyze.ts';
export * from './bfs.ts';
export * from './clustering.ts';
export * from './components.ts';
export * from './effective-diameter.ts';
export * from './hop-plot.ts';
export * from './hyperanf.ts';
export * from './jobs.ts';
export * from './seed-reach.ts';
