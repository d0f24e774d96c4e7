/**
 * The "Six degrees" tab: how small the world of this graph is (hop plot, average distance,
 * effective and full diameter) and how far the current seeds could reach within 1..6 hops
 * beside what the last simulation did reach. Work starts when the tab is first shown.
 */
import './six-degrees.css';
import type { AppContext, AppModule } from '../../panels.ts';
import { distancesView } from './distances-view.ts';
import { seedReachView } from './seed-reach-view.ts';

export const sixDegreesModule: AppModule = {
  id: 'six-degrees',
  mount(ctx: AppContext) {
    ctx.registerPanel({
      id: 'six-degrees',
      title: 'six.tab',
      order: 62,
      mount(container) {
        const distances = distancesView(ctx);
        const reach = seedReachView(ctx);
        container.append(distances.element, reach.element);
        const whenShown = () => {
          if (container.hidden) return;
          distances.ensure();
          reach.ensure();
        };
        new MutationObserver(whenShown).observe(container, { attributes: true, attributeFilter: ['hidden'] });
        ctx.store.select((s) => s.graph, whenShown);
        whenShown();
      },
    });
  },
};
