/**
 * What the classroom view does on its own, as effects on the store (the only place it talks to
 * the page, the worker pool and sigma):
 * - entering the mode hides the side panel (a class on the page's body), and on a large graph
 *   switches to the karate club; leaving it brings the panels back; the stage is resized either way;
 * - the cascade is run 0 of the scenario (the same random stream as the engine's trace of
 *   `ripple simulate --trace`), one traced run in the worker pool, once the scenario's graph is
 *   on screen;
 * - sigma draws it through a node overlay reading the step tables (overlay.ts), and the accounts
 *   reached at the step shown pulse for a moment.
 */
import { computed, effect } from '@preact/signals';
import type { App } from '../../core/context.ts';
import { modelParams } from '../../run/controller.ts';
import { usePoolGraph } from '../../run/pool-graph.ts';
import { toSeedPlan } from '../../seeds/seeds.ts';
import type { GraphView } from '../../view/graph-view.ts';
import { cascadeKey, classroomScenario, EDUCATOR_MAX_NODES } from './classroom.ts';
import { educatorOverlay, type OverlayState } from './overlay.ts';
import { current, failure, phase, steps, switched } from './state.ts';
import { cascadeSteps, reachedAt } from './steps.ts';

const PULSE_MS = 1600;
const PULSES = 3;

export function startEducator(app: App): () => void {
  const { store, pool, view } = app;
  const active = computed(() => store.scenario.value.mode === 'educator');

  let was = false;
  const offMode = effect(() => {
    const on = active.value;
    if (on === was) return;
    was = on;
    document.body.classList.toggle('educator-mode', on);
    if (!on) {
      switched.value = false;
      phase.value = 'off';
    } else {
      const graph = store.graph.peek();
      if (graph && graph.loaded.csr.n > EDUCATOR_MAX_NODES) {
        store.setScenario(classroomScenario(store.scenario.peek()));
        switched.value = true;
      }
    }
    // The stage changed size with the side panel gone or back.
    requestAnimationFrame(() => {
      const v = view.peek();
      if (!v) return;
      v.sigma.resize();
      v.sigma.refresh();
      void v.sigma.getCamera().animatedReset({ duration: 300 });
    });
  });

  let key = '';
  let token = 0;
  const offCascade = effect(() => {
    const on = active.value;
    const graph = store.graph.value;
    const scenario = store.scenario.value;
    if (!on || !graph) {
      token++;
      key = '';
      steps.value = null;
      return;
    }
    // The scenario names another graph (loading, or the switch to the class graph): wait for it.
    if (JSON.stringify(scenario.graph) !== JSON.stringify(graph.source)) {
      token++;
      key = '';
      steps.value = null;
      phase.value = 'waiting';
      return;
    }
    const k = cascadeKey(scenario, graph.serial);
    if (k === key) return;
    key = k;
    const mine = ++token;
    steps.value = null;
    current.value = 0;
    failure.value = null;
    const plan = toSeedPlan(scenario.seeds, graph.index);
    if (plan.kind === 'groups' && plan.groups.length === 0) {
      phase.value = 'noSeeds';
      return;
    }
    phase.value = 'computing';
    const cascade = async () => {
      const params = modelParams(scenario, graph);
      usePoolGraph(pool, graph);
      const shard = await pool.simulate({
        params,
        seeds: plan,
        runs: 1,
        rngSeed: scenario.rngSeed,
        traceRun: 0,
      });
      if (!shard.trace) throw new Error('no trace of run 0');
      return cascadeSteps(shard.trace, graph.loaded.csr.n);
    };
    cascade().then(
      (c) => {
        if (mine !== token) return;
        steps.value = c;
        current.value = 0;
        phase.value = 'ready';
      },
      (error: Error) => {
        if (mine !== token) return;
        key = '';
        failure.value = { text: error.message };
        phase.value = 'error';
      },
    );
  });

  // The overlay on the view on screen while the mode is on; a replaced view is already killed
  // (its overlay went with it): never touch it again.
  const look: OverlayState = { steps: null, current: 0, pulse: 0 };
  const overlay = educatorOverlay(look);
  let installed: GraphView | null = null;
  const offOverlay = effect(() => {
    const v = view.value;
    const on = active.value;
    if (on && v && installed !== v) {
      v.setOverlay(overlay);
      installed = v;
    } else if (!on && installed) {
      if (installed === v) v.setOverlay(null);
      installed = null;
    }
  });

  // Redraw on every step, and pulse the accounts reached at it for a moment.
  let frame = 0;
  const offPulse = effect(() => {
    const c = steps.value;
    const s = current.value;
    const v = view.value;
    const on = active.value;
    look.steps = c;
    look.current = s;
    look.pulse = 0;
    cancelAnimationFrame(frame);
    if (!v || !on) return;
    v.refreshAll();
    if (!c || s === 0) return;
    const fresh = reachedAt(c, s);
    const started = performance.now();
    const tick = (now: number) => {
      const f = Math.min(1, (now - started) / PULSE_MS);
      look.pulse = f >= 1 ? 0 : Math.abs(Math.sin(Math.PI * PULSES * f)) * (1 - f);
      v.refreshNodes(fresh);
      if (f < 1) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  });

  return () => {
    cancelAnimationFrame(frame);
    offMode();
    offCascade();
    offOverlay();
    offPulse();
  };
}
