/**
 * Community colours: Paul Tol's "muted" scheme (nine colours told apart with any common colour-
 * vision deficiency) for the nine largest communities, pale grey for all the others.
 */
export const COMMUNITY_COLORS = [
  '#332288',
  '#88CCEE',
  '#44AA99',
  '#117733',
  '#999933',
  '#DDCC77',
  '#CC6677',
  '#882255',
  '#AA4499',
] as const;

export const OTHER_COMMUNITY = '#C8C8C8';

export function communityColor(community: number): string {
  return COMMUNITY_COLORS[community] ?? OTHER_COMMUNITY;
}
