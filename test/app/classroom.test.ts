/**
 * The classroom's pure parts against the engine: its simulator is the engine's independent cascade
 * with one friend needed, and the IC-then-threshold kernel otherwise (checked against a direct
 * recount of every adoption); the step tables (hand-offs = the trace's parents, hearing = the
 * trace's exposed); the lessons' claims over 100 runs, as the page runs them; network edits,
 * "our class" lists, and the file and link formats.
 */
import { describe, expect, it } from 'vitest';
import { openLesson } from '../../src/app/panels/classroom/lessons.ts';
import {
  type Classroom,
  drawPerson,
  drawTie,
  erasePerson,
  toggleSeed,
  withSeedCount,
} from '../../src/app/panels/classroom/model.ts';
import { networkCsr } from '../../src/app/panels/classroom/network.ts';
import { classNetwork, karateNetwork, ringNetwork } from '../../src/app/panels/classroom/presets.ts';
import {
  classroomFromFile,
  classroomFromLink,
  classroomToFile,
  classroomToLink,
} from '../../src/app/panels/classroom/saved.ts';
import { placeSeeds } from '../../src/app/panels/classroom/seeding.ts';
import { classroomSimulator } from '../../src/app/panels/classroom/sim/cascade.ts';
import { cascadeSteps, moveStep, stateAt } from '../../src/app/panels/classroom/steps.ts';
import { params, runLocal, seedsAt } from '../support/simulate.ts';

const runsOf = (lesson: number, part: number, rng = 1) => {
  const c = openLesson({ rng }, lesson, part);
  const csr = networkCsr(c.network);
  const { sizes } = classroomSimulator(csr, c)(c.seeds, c.rng, 0, 100, null);
  return { c, n: csr.n, sizes: [...sizes] };
};

describe('classroom simulator', () => {
  it('is the engine itself with one friend needed', () => {
    const network = karateNetwork();
    const csr = networkCsr(network);
    const mine = classroomSimulator(csr, { p: 0.3, need: 1 })([0, 5], 9, 0, 50, 3);
    const engine = runLocal(csr, params({ model: 'ic', p: 0.3 }), seedsAt(0, 5), 50, 9, 3).shard;
    expect([...mine.sizes]).toEqual([...engine.sizes]);
    expect(mine.trace).toEqual(engine.trace);
  });

  it('adopts only with `need` friends who joined earlier, and hand-offs come from a friend', () => {
    const c = openLesson({ rng: 4 }, 3, 1);
    const csr = networkCsr(c.network);
    for (let run = 0; run < 20; run++) {
      const { trace } = classroomSimulator(csr, c)(c.seeds, 4, run, 1, run);
      if (!trace) throw new Error('no trace');
      const at = new Map<number, number>();
      trace.nodes.forEach((v, i) => {
        at.set(v, trace.steps[i]);
      });
      trace.nodes.forEach((v, i) => {
        if (trace.parents[i] < 0) {
          expect(c.seeds).toContain(v);
          return;
        }
        const s = trace.steps[i];
        const earlier = [];
        for (let a = csr.outOffsets[v]; a < csr.outOffsets[v + 1]; a++) {
          const u = csr.outTargets[a];
          if ((at.get(u) ?? Infinity) < s) earlier.push(u);
        }
        expect(earlier.length).toBeGreaterThanOrEqual(3);
        expect(earlier).toContain(trace.parents[i]);
        expect(at.get(trace.parents[i])).toBe(s - 1);
      });
    }
  });
});

describe('step tables', () => {
  const network = ringNetwork(12, 2);
  const csr = networkCsr(network);
  const { trace } = classroomSimulator(csr, { p: 0.7, need: 1 })([0], 3, 0, 1, 0);
  if (!trace) throw new Error('no trace');
  const c = cascadeSteps(trace, csr);
  it('hand-offs of each step are the trace parents of that step', () => {
    const fromTrace: string[] = [];
    trace.nodes.forEach((v, i) => {
      if (trace.parents[i] >= 0) fromTrace.push(`${trace.steps[i]}:${trace.parents[i]}>${v}`);
    });
    const fromSteps: string[] = [];
    c.handoffs.forEach((list, s) => {
      for (let k = 0; k < list.length; k += 2) fromSteps.push(`${s}:${list[k]}>${list[k + 1]}`);
    });
    expect(fromSteps.sort()).toEqual(fromTrace.sort());
  });
  it('everyone who heard by the last step is the trace exposed set; states follow the steps', () => {
    const heard = [];
    for (let v = 0; v < c.n; v++) if (stateAt(c, v, c.lastStep) !== 'waiting') heard.push(v);
    expect(heard).toEqual([...trace.exposed].sort((a, b) => a - b));
    expect(stateAt(c, 0, 0)).toBe('fresh');
    expect(stateAt(c, 0, 1)).toBe('earlier');
    expect(c.reached[c.lastStep]).toBe(trace.nodes.length);
    expect(moveStep(c, 0, -1)).toBe(0);
    expect(moveStep(c, c.lastStep, 1)).toBe(c.lastStep);
  });
});

describe('step tables of many runs', () => {
  it('cover every step at which someone joined or heard (one may hear long before joining)', () => {
    const csr = networkCsr(karateNetwork());
    for (let run = 0; run < 200; run++) {
      const { trace } = classroomSimulator(csr, { p: 0.3, need: 1 })([0], 1, run, 1, run);
      if (!trace) throw new Error('no trace');
      const c = cascadeSteps(trace, csr);
      expect(c.lastStep).toBeGreaterThanOrEqual(Math.max(...trace.steps));
      expect(c.handoffs.length).toBe(c.lastStep + 1);
    }
  });
});

describe('the lessons hold in the model', () => {
  it('2: the shortcuts collapse the steps needed to reach everyone', () => {
    const last = (part: number) => {
      const c = openLesson({ rng: 1 }, 2, part);
      const csr = networkCsr(c.network);
      const { trace } = classroomSimulator(csr, c)(c.seeds, 1, 0, 1, 0);
      return Math.max(...(trace?.steps ?? [0]));
    };
    expect(last(0)).toBe(15);
    expect(last(1)).toBeLessThanOrEqual(8);
  });
  it('3: a lone seed always fails; a circle of five succeeds in at least 95 of 100 runs; runs differ', () => {
    for (const rng of [1, 2, 3]) {
      const lone = runsOf(3, 0, rng);
      expect(lone.sizes.every((s) => s === 1)).toBe(true);
      const circle = runsOf(3, 1, rng);
      expect(circle.sizes.filter((s) => s >= 0.9 * circle.n).length).toBeGreaterThanOrEqual(95);
      const csr = networkCsr(circle.c.network);
      const a = classroomSimulator(csr, circle.c)(circle.c.seeds, rng, 0, 1, 0).trace;
      const b = classroomSimulator(csr, circle.c)(circle.c.seeds, rng, 1, 1, 1).trace;
      expect(a?.parents).not.toEqual(b?.parents);
    }
  });
  it('4: mostly dies out at p = 0.2, mostly goes global at p = 0.6', () => {
    for (const rng of [1, 2, 3]) {
      const low = runsOf(4, 0, rng);
      const high = runsOf(4, 1, rng);
      expect(low.sizes.filter((s) => s <= low.n / 10).length).toBeGreaterThanOrEqual(80);
      expect(high.sizes.filter((s) => s >= high.n / 2).length).toBeGreaterThanOrEqual(80);
    }
  });
  it('5: opinion leaders reach more than random seeds on average', () => {
    const mean = (s: number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    for (const rng of [1, 2, 3])
      expect(mean(runsOf(5, 0, rng).sizes)).toBeGreaterThan(mean(runsOf(5, 1, rng).sizes));
  });
  it('6: the simple message spreads more on the open network, the risky one only in the circles', () => {
    const mean = (s: number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    expect(mean(runsOf(6, 1).sizes)).toBeGreaterThan(1.5 * mean(runsOf(6, 0).sizes));
    expect(runsOf(6, 2).sizes.filter((s) => s >= 54).length).toBeGreaterThanOrEqual(95);
    expect(runsOf(6, 3).sizes.filter((s) => s >= 30).length).toBe(0);
  });
});

describe('network edits and seeds', () => {
  it('adds and removes people and ties; seeds follow the renumbering', () => {
    let c: Classroom = { ...openLesson({ rng: 1 }, 1, 0), network: { people: [], ties: [] }, seeds: [] };
    c = drawPerson(drawPerson(drawPerson(c, 0, 0), 10, 0), 20, 0);
    c = drawTie(drawTie(c, 0, 1), 2, 1);
    expect(c.network.ties).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(drawTie(c, 1, 0).network.ties).toEqual([[1, 2]]);
    c = toggleSeed(c, 2);
    c = erasePerson(c, 0);
    expect(c.network.people.length).toBe(2);
    expect(c.network.ties).toEqual([[0, 1]]);
    expect(c.seeds).toEqual([1]);
    expect(c.lesson).toBe(0);
  });
  it('places seeds together, by most ties, or at random', () => {
    const ring = ringNetwork(20, 4);
    expect(placeSeeds(ring, 'together', 5, 0, 1)).toEqual([0, 1, 2, 18, 19]);
    expect(placeSeeds(karateNetwork(), 'leaders', 3, 0, 1)).toEqual([33, 0, 32]);
    const random = placeSeeds(ring, 'random', 5, 0, 1);
    expect(new Set(random).size).toBe(5);
    expect(placeSeeds(ring, 'random', 5, 0, 1)).toEqual(random);
    const c = openLesson({ rng: 1 }, 3, 0);
    expect(withSeedCount(c, 5).seeds).toEqual(placeSeeds(c.network, 'together', 5, 0, 1));
  });
  it('reads "our class" lists, and names the line of a mistake', () => {
    const net = classNetwork('Ana: Ben, Chen\nBen：Dee，Ana\nDee', 3);
    expect(net.people.map((p) => p.label)).toEqual(['Ana', 'Ben', 'Chen', 'Dee']);
    expect(net.ties).toEqual([
      [0, 1],
      [0, 2],
      [1, 3],
    ]);
    expect(() => classNetwork('Ana: B, C, D, E', 3)).toThrow(/line 1: tooManyFriends \(Ana\)/);
    expect(() => classNetwork('ok\n: Ben', 3)).toThrow(/line 2: noName/);
  });
});

describe('saved classroom', () => {
  it('round-trips a drawn network through the file and the link, names in any script included', () => {
    const base = openLesson({ rng: 5 }, 1, 0);
    const c = {
      ...withSeedCount(base, 2),
      network: classNetwork('小明: 小红, Ana\nAna: Ben', 2),
      lesson: 0,
      part: 0,
      seeds: [0, 3],
    };
    expect(classroomFromFile(classroomToFile(c), 'f.json')).toEqual(c);
    expect(classroomFromLink(classroomToLink(c))).toEqual(c);
  });
  it('writes a lesson link without its network, and rebuilds it', () => {
    const c = openLesson({ rng: 2 }, 6, 3);
    const link = classroomToLink(c);
    expect(link.length).toBeLessThan(200);
    expect(classroomFromLink(link)).toEqual(c);
  });
  it('refuses broken files with the field named', () => {
    const good = JSON.parse(classroomToFile(openLesson({ rng: 1 }, 1, 0)));
    const bad = (patch: object) => classroomFromFile(JSON.stringify({ ...good, ...patch }), 'x.json');
    expect(() => bad({ p: 2 })).toThrow(/x\.json: 'p' should be from 0 to 1/);
    expect(() => bad({ ties: [[0, 99]] })).toThrow(/ties\[0\]\[1\]' should be a whole number from 0 to 33/);
    expect(() => bad({ colour: 1 })).toThrow(/unknown field 'colour'/);
    expect(() => bad({ format: 'other' })).toThrow(/not a Ripple classroom file/);
    expect(() => classroomFromFile('{', 'y.json')).toThrow(/y\.json: not JSON/);
    expect(() => classroomFromLink('%%%')).toThrow(/base64url/);
  });
});
