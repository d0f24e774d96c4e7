/**
 * The page: header (title, tagline, language), the alert line, the graph stage, and the side
 * panel (run bar with the features' toolbar controls, then the tabs of every feature), plus the
 * direction question and any feature's full-page overlay.
 */

import { useApp } from '../core/context.ts';
import type { Feature } from '../core/feature.ts';
import { DirectionDialog } from '../panels/data/DirectionDialog.tsx';
import { toggleSeedAt } from '../seeds/state.ts';
import { Stage } from '../stage/Stage.tsx';
import { type PanelDef, Tabs } from '../ui/Tabs.tsx';
import { Alert } from './Alert.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';
import { t } from './messages.ts';
import { RunBar } from './RunBar.tsx';

export function App({ features }: { features: Feature[] }) {
  const app = useApp();
  const { loader } = app;
  const panels: PanelDef[] = features
    .filter((f) => f.panel)
    .sort((a, b) => (a.panel?.order ?? 0) - (b.panel?.order ?? 0))
    .map((f) => ({
      id: f.id,
      title: f.panel?.title ?? (() => f.id),
      Component: f.panel?.Component ?? (() => null),
    }));
  return (
    <>
      <header class="topbar">
        <h1>{t('app.title')}</h1>
        <p class="tagline">{t('app.tagline')}</p>
        <LanguageMenu />
      </header>
      <Alert />
      <div class="layout">
        <Stage
          onNodeClick={(i) => {
            if (!features.some((f) => f.claimClick?.(app, i))) toggleSeedAt(app.store, i);
          }}
          onDropFile={(file) => void loader.loadFile(file)}
          bar={features.map((f) => (f.StageBar ? <f.StageBar key={f.id} /> : null))}
        />
        <aside class="side">
          <RunBar>
            <div class="toolbar">{features.map((f) => (f.Toolbar ? <f.Toolbar key={f.id} /> : null))}</div>
          </RunBar>
          <Tabs panels={panels} label={t('tabs.label')} />
        </aside>
      </div>
      <DirectionDialog />
      {features.map((f) => (f.Overlay ? <f.Overlay key={f.id} /> : null))}
    </>
  );
}
