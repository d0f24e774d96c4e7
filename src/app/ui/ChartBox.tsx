/**
 * Chart.js, wrapped once: a figure with its caption and a canvas, and a chart that follows its
 * `config` prop. The chart is made on mount and updated (data and options replaced, no
 * animation) in a task of its own after each change, so several charts updating after a result
 * never make one long main-thread task. Texts in the config come from t(), so a language switch
 * re-renders the parent, which passes a new config.
 */

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { nextTask } from '../../util/next-task.ts';
import { Chart, type ChartConfiguration } from './chart-setup.ts';

/** Every chart on the page by test id (read by the end-to-end tests through window.ripple). */
export const CHARTS = new Map<string, Chart>();

export interface ChartBoxProps {
  testid: string;
  title: string;
  config: ChartConfiguration;
  /** Under the chart: notes, options. */
  children?: ComponentChildren;
  /** The figure's extra class (e.g. 'tall'). */
  class?: string;
}

export function ChartBox({ testid, title, config, children, class: extra }: ChartBoxProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(config);
  latest.current = config;

  // Made in a task of its own too: a result that brings three charts makes three short tasks.
  useEffect(() => {
    let c: Chart | null = null;
    let live = true;
    nextTask(() => {
      if (!live || !canvas.current) return;
      c = new Chart(canvas.current, latest.current);
      chart.current = c;
      CHARTS.set(testid, c);
    });
    return () => {
      live = false;
      if (c) {
        CHARTS.delete(testid);
        c.destroy();
      }
      chart.current = null;
    };
  }, [testid]);

  useEffect(() => {
    let live = true;
    nextTask(() => {
      const c = chart.current;
      // Not made yet: it is made from the latest config.
      if (!live || !c || latest.current !== config) return;
      c.data = config.data;
      c.options = config.options ?? {};
      c.update('none');
    });
    return () => {
      live = false;
    };
  }, [config]);

  return (
    <figure class={`chart ${extra ?? ''}`} data-testid={testid}>
      <figcaption>{title}</figcaption>
      <div class="canvas-box">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      {children}
    </figure>
  );
}

/** The texts a chart shows (legend labels, axis titles, category labels), for the tests. */
export function chartTexts(testid: string): string[] {
  const c = CHARTS.get(testid);
  if (!c) return [];
  const texts: string[] = [];
  for (const d of c.data.datasets) if (d.label) texts.push(d.label);
  for (const scale of Object.values(c.options.scales ?? {})) {
    const title = (scale as { title?: { text?: string | string[] } }).title?.text;
    if (title) texts.push(...(Array.isArray(title) ? title : [title]));
  }
  for (const label of c.data.labels ?? []) if (typeof label === 'string') texts.push(label);
  return texts;
}

/** The values each dataset of a chart plots, in order (read by the end-to-end tests). */
export function chartData(testid: string): unknown[][] {
  const c = CHARTS.get(testid);
  return c ? c.data.datasets.map((d) => [...d.data]) : [];
}
