/** Pieces both halves of the Crisis tab show: the chosen accounts as links, a figures header. */
import { useApp } from '../../core/context.ts';
import { t } from './messages.ts';

/** The chosen accounts (monitors or correctors), each a link that focuses the graph on it. */
export function AccountLinks({
  nodes,
  ids,
  testId,
}: {
  nodes: number[];
  ids: readonly string[];
  testId: string;
}) {
  const app = useApp();
  return (
    <p class="crisis-ids" data-testid={testId}>
      {nodes.map((v) => (
        <button
          key={v}
          type="button"
          class="link"
          data-node={ids[v]}
          onClick={() => app.view.value?.focus(v)}
        >
          {ids[v]}
        </button>
      ))}
    </p>
  );
}

/** The header row of a figures table: figure, mean, 95% interval. */
export function FiguresHead() {
  return (
    <thead>
      <tr>
        <th scope="col">{t('crisis.figure')}</th>
        <th scope="col">{t('crisis.mean')}</th>
        <th scope="col">{t('crisis.interval')}</th>
      </tr>
    </thead>
  );
}
