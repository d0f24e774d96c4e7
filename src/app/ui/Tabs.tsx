/**
 * Accessible tabs (WAI-ARIA tabs pattern): a tablist of buttons, arrow keys, Home and End move
 * between tabs, one visible tabpanel. Every panel stays mounted (hidden when not selected), so a
 * panel's charts and running tasks survive switching tabs. The selected tab is store.tab.
 */
import type { ComponentType } from 'preact';
import { useRef } from 'preact/hooks';
import { useApp } from '../core/context.ts';

export interface PanelDef {
  /** Unique id; the tab gets data-testid="tab-<id>", the panel data-testid="panel-<id>". */
  id: string;
  /** The tab's title in the current language. */
  title: () => string;
  Component: ComponentType;
}

export function Tabs({ panels, label }: { panels: PanelDef[]; label: string }) {
  const { store } = useApp();
  const selected = panels.some((p) => p.id === store.tab.value) ? store.tab.value : panels[0]?.id;
  const list = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const select = (id: string, focus = false) => {
    if (store.tab.value !== id && body.current) body.current.scrollTop = 0;
    store.tab.value = id;
    if (focus) list.current?.querySelector<HTMLElement>(`#tab-${id}`)?.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    const i = panels.findIndex((p) => p.id === selected);
    let j = -1;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') j = (i + 1) % panels.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
      j = (i - 1 + panels.length) % panels.length;
    else if (event.key === 'Home') j = 0;
    else if (event.key === 'End') j = panels.length - 1;
    if (j < 0) return;
    event.preventDefault();
    select(panels[j].id, true);
  };
  return (
    <>
      <div role="tablist" class="tablist" aria-label={label} ref={list} onKeyDown={onKey}>
        {panels.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`tab-${p.id}`}
            aria-controls={`panel-${p.id}`}
            aria-selected={p.id === selected}
            tabIndex={p.id === selected ? 0 : -1}
            data-testid={`tab-${p.id}`}
            onClick={() => select(p.id)}
          >
            {p.title()}
          </button>
        ))}
      </div>
      <div class="tabpanels" ref={body}>
        {panels.map(({ id, Component }) => (
          <section
            key={id}
            role="tabpanel"
            id={`panel-${id}`}
            aria-labelledby={`tab-${id}`}
            class="panel"
            data-testid={`panel-${id}`}
            hidden={id !== selected}
          >
            <Component />
          </section>
        ))}
      </div>
    </>
  );
}
