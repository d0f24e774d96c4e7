/**
 * Crisis-watch jobs for the engine workers (registered with src/engine/jobs.ts):
 *   watchStories    sampled stories [first, first + count) for choosing monitors (stories.ts)
 *   watchOutcomes   what each monitor list catches of fresh stories (without sending them back)
 *   containSets     the saving sets of rumour worlds [first, first + count) (contain.ts)
 *   containReach    rumour reach per world with each corrector list
 * Story r and world w of a stream are the same in every worker (live-world.ts hashes them).
 */
import { cached, registerJobs } from '../engine/jobs.ts';
import type { JobContext } from '../engine/types.ts';
import { type RrParams, rrKey } from '../seeding/rr-sets.ts';
import { type BallBatch, rumourReach, savingSets } from './contain.ts';
import { createLiveWorlds, type LiveWorlds } from './live-world.ts';
import { type Stories, sampleStories } from './stories.ts';
import { type StoryOutcomes, storyOutcomes } from './watch.ts';

function worlds(ctx: JobContext, params: RrParams, stream: number): LiveWorlds {
  return cached(ctx, `crisis:${rrKey(params)}:${stream}`, () => createLiveWorlds(ctx.csr, params, stream));
}

export interface StoriesInput {
  params: RrParams;
  stream: number;
  first: number;
  count: number;
  horizon: number;
  weights: Float64Array | null;
}

export interface RumourInput {
  params: RrParams;
  stream: number;
  first: number;
  count: number;
  rumour: number[];
  delay: number;
}

export const crisisJobs = {
  watchStories(ctx: JobContext, input: StoriesInput): Stories {
    return sampleStories(
      worlds(ctx, input.params, input.stream),
      input.stream,
      input.first,
      input.count,
      input.horizon,
      input.weights,
    );
  },
  watchOutcomes(ctx: JobContext, input: StoriesInput & { lists: number[][]; cap: number }): StoryOutcomes[] {
    const stories = sampleStories(
      worlds(ctx, input.params, input.stream),
      input.stream,
      input.first,
      input.count,
      input.horizon,
      input.weights,
    );
    return input.lists.map((list) => storyOutcomes(stories, list, input.cap, ctx.csr.n));
  },
  containSets(ctx: JobContext, input: RumourInput): BallBatch {
    return savingSets(
      worlds(ctx, input.params, input.stream),
      input.rumour,
      input.delay,
      input.first,
      input.count,
    );
  },
  containReach(ctx: JobContext, input: RumourInput & { lists: number[][] }): Uint32Array[] {
    return rumourReach(
      worlds(ctx, input.params, input.stream),
      input.rumour,
      input.delay,
      input.lists,
      input.first,
      input.count,
    );
  },
};
registerJobs(crisisJobs);
type CrisisJobs = typeof crisisJobs;
declare module '../engine/jobs.ts' {
  interface JobTypes extends CrisisJobs {}
}
