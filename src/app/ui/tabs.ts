/**
 * Accessible tabs (WAI-ARIA tabs pattern): a tablist of buttons, arrow keys move between tabs,
 * one visible tabpanel. Panels come from the registry and may be added after start-up.
 */

import { el } from '../dom.ts';
import { t } from '../i18n.ts';
import type { AppContext, PanelDef } from '../panels.ts';

export class Tabs {
  readonly list = el('div', { role: 'tablist', class: 'tablist', 'aria-label': t('tabs.label') });
  readonly body = el('div', { class: 'tabpanels' });
  private readonly entries: { def: PanelDef; tab: HTMLButtonElement; panel: HTMLElement }[] = [];
  private selected: string | null = null;

  constructor(private readonly ctx: () => AppContext) {
    this.list.addEventListener('keydown', (event) => {
      const i = this.entries.findIndex((e) => e.def.id === this.selected);
      let j = -1;
      if (event.key === 'ArrowRight' || event.key === 'ArrowDown') j = (i + 1) % this.entries.length;
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
        j = (i - 1 + this.entries.length) % this.entries.length;
      else if (event.key === 'Home') j = 0;
      else if (event.key === 'End') j = this.entries.length - 1;
      if (j < 0) return;
      event.preventDefault();
      this.select(this.entries[j].def.id);
      this.entries[j].tab.focus();
    });
  }

  add(def: PanelDef): void {
    if (this.entries.some((e) => e.def.id === def.id)) throw new Error(`panel '${def.id}' registered twice`);
    const tabId = `tab-${def.id}`;
    const panelId = `panel-${def.id}`;
    const tab = el(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: tabId,
        'aria-controls': panelId,
        'aria-selected': 'false',
        tabindex: '-1',
        'data-testid': tabId,
      },
      t(def.title),
    );
    const panel = el('section', {
      role: 'tabpanel',
      id: panelId,
      'aria-labelledby': tabId,
      class: 'panel',
      'data-testid': panelId,
      hidden: '',
    });
    tab.addEventListener('click', () => this.select(def.id));
    const at = this.entries.findIndex((e) => e.def.order > def.order);
    const entry = { def, tab, panel };
    if (at < 0) {
      this.entries.push(entry);
      this.list.append(tab);
      this.body.append(panel);
    } else {
      this.list.insertBefore(tab, this.entries[at].tab);
      this.body.insertBefore(panel, this.entries[at].panel);
      this.entries.splice(at, 0, entry);
    }
    def.mount(panel, this.ctx());
    if (!this.selected) this.select(def.id);
  }

  select(id: string): void {
    const target = this.entries.find((e) => e.def.id === id);
    if (!target) return;
    if (this.selected !== id) this.body.scrollTop = 0;
    this.selected = id;
    for (const e of this.entries) {
      const on = e === target;
      e.tab.setAttribute('aria-selected', String(on));
      e.tab.tabIndex = on ? 0 : -1;
      e.panel.hidden = !on;
    }
  }
}
