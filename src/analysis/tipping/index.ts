/** Tipping points and critical mass: the sweep, its detector, theory and seed search. Re-exports only. */
export { detectCritical, globalOnset, susceptibilityPeak } from './detect.ts';
export { fewestSeeds } from './fewest-seeds.ts';
export { localBackend } from './local-backend.ts';
export { gridPoints, kSeedPlan, pointSeed, validateTipping } from './plan.ts';
export { GLOBAL_SHARE, pointStats } from './point-stats.ts';
export { RANK_BY, type RankBy, seedRanking } from './rank.ts';
export { tippingSweep } from './sweep.ts';
export {
  branchingThreshold,
  erdosRenyiGiantShare,
  excessByNode,
  sirProbabilityForTransmissibility,
  sirTransmissibility,
  theoryFor,
  wattsCascadeBranching,
  wattsCriticalPhi,
} from './theory.ts';
export * from './types.ts';
