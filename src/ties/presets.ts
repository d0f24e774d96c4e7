/**
 * The closed and open platform presets, as the tie options each stands for (docs/models.md,
 * "Closed and open platforms"). Practitioners split platforms in two: closed, strong-tie tools
 * (WeChat: relationship chains that copy real life, content passed in groups) and open, weak-tie
 * media (Weibo: follows around interests, one repost chance per follower).
 *
 * - closed: strong ties only, plus groups: `--strong-by mutual --p-weak 0 --groups communities`
 *   (the Louvain communities as groups, unless a groups file is given); p-strong and p-group are
 *   the value of --p.
 * - open: every follow arc, one repost chance: `--strong-by mutual --p-strong P --p-weak P` with P
 *   the value of --p, and no groups. The numbers are plain IC's; the tie kinds only add `via`.
 *
 * A preset fills in the tie options that are not given; options given explicitly win. The command
 * line (src/cli/commands/ties.ts) and the app (src/app/ties) read this one table.
 */

export const PLATFORMS = ['closed', 'open'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What a preset sets: `'p'` means the value of --p (the scenario's p in the app). */
export interface PlatformPreset {
  strongBy: 'mutual';
  pStrong: 'p';
  pWeak: 'p' | 0;
  /** Groups: the Louvain communities (or a groups file when one is given), or none. */
  groups: 'communities' | null;
  pGroup: 'p';
}

export const PLATFORM_PRESETS: Record<Platform, PlatformPreset> = {
  closed: { strongBy: 'mutual', pStrong: 'p', pWeak: 0, groups: 'communities', pGroup: 'p' },
  open: { strongBy: 'mutual', pStrong: 'p', pWeak: 'p', groups: null, pGroup: 'p' },
};

/**
 * The explicit command-line options a preset stands for, given p (docs and tests: `--platform X`
 * gives the same output as these). A groups file given with the preset replaces `communities`.
 */
export function presetArgs(platform: Platform, p: number, groupsFile?: string): string[] {
  const preset = PLATFORM_PRESETS[platform];
  const value = (v: 'p' | number) => String(v === 'p' ? p : v);
  const args = [
    '--strong-by',
    preset.strongBy,
    '--p-strong',
    value(preset.pStrong),
    '--p-weak',
    value(preset.pWeak),
  ];
  if (preset.groups) args.push('--groups', groupsFile ?? preset.groups, '--p-group', value(preset.pGroup));
  return args;
}
