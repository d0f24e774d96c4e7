/**
 * Educator mode: a step-by-step view of one cascade for a class. The graph fills the page; each
 * press of the right arrow (or space, or "Next step") advances the cascade by one step, the
 * accounts reached at that step pulse, and a big counter shows the people reached so far and how
 * many hops the post has travelled; the left arrow goes back. The cascade is run 0 of the
 * scenario (the same random stream as the engine's trace of `ripple simulate --trace`), computed
 * in the worker pool. The mode is part of the scenario (mode: 'educator'), so its link opens
 * straight into this view. On a large graph, entering the mode switches to Zachary's karate club;
 * the heads-up display offers the class graphs (the karate club, a Watts-Strogatz small world
 * drawn as a ring whose shortcuts show as chords).
 */
import './educator.css';
import type { Scenario } from '../../../engine/scenario.ts';
import { DATASETS } from '../../bundled/datasets.ts';
import { el } from '../../dom.ts';
import { formatNumber, t } from '../../i18n.ts';
import { datasetOption } from '../../language/datasets.ts';
import type { AppContext, AppModule } from '../../panels.ts';
import { modelParams } from '../../run.ts';
import { toSeedPlan } from '../../seeds.ts';
import type { GraphView } from '../../view/graph-view.ts';
import { usePoolGraph } from '../pool-graph.ts';
import { educatorOverlay, type OverlayState } from './overlay.ts';
import { cascadeSteps, moveStep, reachedAt } from './steps.ts';

/** Graphs larger than this are swapped for the karate club when the mode is entered. */
export const EDUCATOR_MAX_NODES = 500;
export const CLASS_GRAPH = 'karate.txt';
const PULSE_MS = 1600;
const PULSES = 3;

/**
 * The class graphs, each with a seed and a spread probability that make a cascade worth watching:
 * node 0 is the karate club's instructor ("Mr. Hi"); on the small world p 0.5 sits near its
 * tipping point, so some cascades die early and others jump along the shortcuts (mean reach 34
 * of 100, anywhere from 1 to all).
 */
export const CLASS_GRAPHS: Record<string, { seed: string; p: number }> = {
  'karate.txt': { seed: '0', p: 0.3 },
  'small-world.json': { seed: '0', p: 0.5 },
};

/** The classroom scenario on one of the class graphs (the karate club unless told). */
export function classroomScenario(scenario: Scenario, file = CLASS_GRAPH): Scenario {
  const { seed, p } = CLASS_GRAPHS[file] ?? CLASS_GRAPHS[CLASS_GRAPH];
  return {
    ...scenario,
    graph: { kind: 'bundled', file: file in CLASS_GRAPHS ? file : CLASS_GRAPH },
    direction: 'undirected',
    edgeValues: 'probability',
    model: 'ic',
    params: { ...scenario.params, p, maxSteps: null },
    seeds: { kind: 'groups', groups: [{ ids: [seed], start: 0 }] },
    mode: 'educator',
  };
}

/** The class graph a scenario shows, or '' for any other graph. */
function classGraphOf(scenario: Scenario): string {
  const g = scenario.graph;
  return g.kind === 'bundled' && g.file in CLASS_GRAPHS ? g.file : '';
}

/** The fields that decide the cascade (everything but the presentation mode). */
function cascadeKey(scenario: Scenario, serial: number): string {
  const { mode: _mode, runs: _runs, ...rest } = scenario;
  return `${serial}|${JSON.stringify(rest)}`;
}

export const educatorModule: AppModule = {
  id: 'educator',
  mount(ctx: AppContext) {
    const { store } = ctx;
    const state: OverlayState = { steps: null, current: 0, pulse: 0 };
    const overlay = educatorOverlay(state);
    let active = false;
    let key = '';
    let token = 0;
    let view: GraphView | null = null;
    let frame = 0;
    /** The class graph is about to replace a large one. */
    let switching = false;

    // The toolbar button and the heads-up display ---------------------------------------
    const enter = el('button', { type: 'button', 'data-testid': 'educator-enter' }, t('educator.enter'));
    const reached = el('strong', { 'data-testid': 'educator-reached' }, '0');
    const hops = el('strong', { 'data-testid': 'educator-hops' }, '0');
    const stepLine = el('p', { class: 'educator-step', 'data-testid': 'educator-step' });
    const note = el('p', { class: 'educator-note', 'data-testid': 'educator-note', role: 'status' });
    const switched = el('p', { class: 'educator-note', hidden: '' }, t('educator.switched'));
    const back = el('button', { type: 'button', 'data-testid': 'educator-back' }, t('educator.back'));
    const next = el(
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'educator-next' },
      t('educator.next'),
    );
    const again = el('button', { type: 'button', 'data-testid': 'educator-again' }, t('educator.again'));
    const exit = el('button', { type: 'button', 'data-testid': 'educator-exit' }, t('educator.exit'));
    const graphChoice = el(
      'select',
      { 'data-testid': 'educator-graph', 'aria-label': t('educator.graph') },
      el('option', { value: '', disabled: '' }, t('educator.otherGraph')),
      ...DATASETS.filter((d) => d.file in CLASS_GRAPHS).map((d) =>
        el('option', { value: d.file }, datasetOption(d)),
      ),
    );
    graphChoice.addEventListener('change', () => {
      if (graphChoice.value) store.setScenario(classroomScenario(store.get().scenario, graphChoice.value));
    });
    const hud = el(
      'section',
      { class: 'educator-hud', 'data-testid': 'educator-hud', 'aria-label': t('educator.title'), hidden: '' },
      el('h2', {}, t('educator.title')),
      el(
        'div',
        { 'aria-live': 'polite', 'aria-atomic': 'true' },
        el('p', { class: 'educator-count' }, reached, el('span', {}, t('educator.reachedLabel'))),
        el('p', { class: 'educator-count hops' }, hops, el('span', {}, t('educator.hopsLabel'))),
        stepLine,
      ),
      note,
      switched,
      el('div', { class: 'educator-buttons' }, back, next, again, exit),
      el('label', { class: 'educator-graph' }, `${t('educator.graph')} `, graphChoice),
      el('p', { class: 'educator-keys' }, t('educator.keys')),
    );
    ctx.toolbar.append(enter);
    document.body.append(hud);

    const render = () => {
      const steps = state.steps;
      const s = state.current;
      reached.textContent = formatNumber(steps ? steps.reached[s] : 0);
      hops.textContent = formatNumber(steps ? steps.farthest[s] : 0);
      hud.dataset.step = String(s);
      stepLine.textContent = steps
        ? t('educator.step', { step: formatNumber(s), last: formatNumber(steps.lastStep) })
        : '';
      back.disabled = !steps || s === 0;
      next.disabled = !steps || s >= steps.lastStep;
      if (steps && s > 0 && s >= steps.lastStep) note.textContent = t('educator.done');
      else if (steps && s > 0)
        note.textContent = t('educator.newly', { count: formatNumber(reachedAt(steps, s).length) });
      else if (steps) note.textContent = t('educator.start');
    };

    // Pulse the accounts reached at the current step for a moment.
    const pulse = () => {
      cancelAnimationFrame(frame);
      const steps = state.steps;
      if (!steps || !view) return;
      const fresh = state.current > 0 ? reachedAt(steps, state.current) : new Uint32Array(0);
      const started = performance.now();
      const tick = (now: number) => {
        const f = Math.min(1, (now - started) / PULSE_MS);
        state.pulse = f >= 1 ? 0 : Math.abs(Math.sin(Math.PI * PULSES * f)) * (1 - f);
        view?.refreshNodes(fresh);
        if (f < 1) frame = requestAnimationFrame(tick);
      };
      frame = requestAnimationFrame(tick);
    };

    const show = (to: number) => {
      const steps = state.steps;
      if (!steps) return;
      state.current = to;
      state.pulse = 0;
      render();
      view?.refreshAll();
      pulse();
    };
    const step = (by: number) => {
      if (state.steps) show(moveStep(state.steps, state.current, by));
    };

    const attach = (v: GraphView | null) => {
      // A replaced view is already killed (its overlay goes with it): never touch it again.
      if (view !== v) cancelAnimationFrame(frame);
      view = v;
      if (!view) return;
      view.setOverlay(active ? overlay : null);
    };

    // The cascade: run 0 of the scenario, one run, traced ------------------------------------
    const compute = async () => {
      const { graph, scenario } = store.get();
      if (!active || !graph) return;
      // The scenario names another graph (loading, or the switch to the class graph): wait for it.
      if (JSON.stringify(scenario.graph) !== JSON.stringify(graph.source) || switching) {
        token++;
        state.steps = null;
        render();
        note.textContent = t('educator.computing');
        return;
      }
      const k = cascadeKey(scenario, graph.serial);
      if (k === key) return;
      key = k;
      const mine = ++token;
      state.steps = null;
      state.current = 0;
      render();
      view?.refreshAll();
      const plan = toSeedPlan(scenario.seeds, graph.index);
      if (plan.kind === 'groups' && plan.groups.length === 0) {
        note.textContent = t('educator.noSeeds');
        return;
      }
      note.textContent = t('educator.computing');
      try {
        const params = modelParams(scenario, graph);
        usePoolGraph(ctx.pool, graph);
        const shard = await ctx.pool.simulate({
          params,
          seeds: plan,
          runs: 1,
          rngSeed: scenario.rngSeed,
          traceRun: 0,
        });
        if (mine !== token || !shard.trace) return;
        state.steps = cascadeSteps(shard.trace, graph.loaded.csr.n);
        show(0);
      } catch (error) {
        if (mine !== token) return;
        key = '';
        note.textContent = t('educator.error', { message: (error as Error).message });
      }
    };

    const setActive = (on: boolean) => {
      if (on === active) return;
      active = on;
      hud.hidden = !on;
      document.body.classList.toggle('educator-mode', on);
      key = '';
      token++;
      if (!on) {
        switched.hidden = true;
        cancelAnimationFrame(frame);
        state.steps = null;
      }
      attach(ctx.view());
      // The stage changed size with the side panel gone or back.
      requestAnimationFrame(() => {
        view?.sigma.resize();
        view?.sigma.refresh();
        void view?.sigma.getCamera().animatedReset({ duration: 300 });
      });
      if (on) {
        const graph = store.get().graph;
        if (graph && graph.loaded.csr.n > EDUCATOR_MAX_NODES) {
          // After the current store notification has reached every listener.
          switching = true;
          setTimeout(() => {
            switching = false;
            if (!active) return;
            store.setScenario(classroomScenario(store.get().scenario));
            switched.hidden = false;
          }, 0);
        }
        void compute();
        next.focus();
      } else enter.focus();
    };

    enter.addEventListener('click', () => store.patchScenario({ mode: 'educator' }));
    exit.addEventListener('click', () => store.patchScenario({ mode: undefined }));
    next.addEventListener('click', () => step(1));
    back.addEventListener('click', () => step(-1));
    again.addEventListener('click', () =>
      store.patchScenario({ rngSeed: (store.get().scenario.rngSeed + 1) >>> 0 }),
    );

    // Keys: captured before other listeners (playback, tabs), and only while the mode is on.
    window.addEventListener(
      'keydown',
      (event) => {
        if (!active || event.ctrlKey || event.metaKey || event.altKey) return;
        const target = event.target as HTMLElement | null;
        if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
        let handled = true;
        if (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'Spacebar') step(1);
        else if (event.key === 'ArrowLeft') step(-1);
        else if (event.key === 'Home') show(0);
        else if (event.key === 'End' && state.steps) show(state.steps.lastStep);
        else if (event.key === 'Escape') store.patchScenario({ mode: undefined });
        else handled = false;
        if (handled) {
          event.preventDefault();
          event.stopPropagation();
        }
      },
      { capture: true },
    );
    // A focused button would also "click" on the space key's release: the key already stepped.
    window.addEventListener(
      'keyup',
      (event) => {
        if (active && (event.key === ' ' || event.key === 'Spacebar')) event.preventDefault();
      },
      { capture: true },
    );

    store.select(
      (s) => s.scenario,
      (scenario) => {
        graphChoice.value = classGraphOf(scenario);
        setActive(scenario.mode === 'educator');
        void compute();
      },
    );
    store.select(
      (s) => s.graph,
      () => void compute(),
    );
    ctx.onView((v) => attach(v));
    graphChoice.value = classGraphOf(store.get().scenario);
    setActive(store.get().scenario.mode === 'educator');
  },
};
