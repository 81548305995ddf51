import type { CSSProperties } from 'react';

/**
 * Semantic colour pairs; each becomes a `--oc-*` custom property (`mutedForeground` -> `--oc-muted-foreground`).
 *
 * Contrast a theme must keep (WCAG 2.2 AA), as the default theme does, light and dark:
 * - text, 4.5:1: `foreground`, `mutedForeground` and `danger` on `background`; `mutedForeground` and `foreground` on
 *   `muted`; `primaryForeground` on `primary`; `dangerForeground` on `danger`; `warningForeground` on `warning`.
 * - controls, 3:1: `primary` (a switch that is on) and `ring` (the focus ring) against `background`, and
 *   `primaryForeground` (the thumb of a switch that is on) against `primary`.
 * - with more contrast (`prefers-contrast: more`), 3:1: `border` against `background`: borders, and a switch that is
 *   off (a `border` track with a `background` thumb). The default theme then draws darker borders and stronger
 *   secondary text by itself; a theme that sets `border` or `mutedForeground` sets them for both modes.
 * In forced colors (Windows high contrast) the user's palette replaces every colour; the components draw with system
 * colours there.
 */
export interface OrgConnectionsColors {
  background: string;
  foreground: string;
  muted: string;
  mutedForeground: string;
  primary: string;
  primaryForeground: string;
  danger: string;
  dangerForeground: string;
  warning: string;
  warningForeground: string;
  success: string;
  border: string;
  ring: string;
}

export type OrgConnectionsDensity = 'compact' | 'comfortable';
export type OrgConnectionsColorScheme = 'light' | 'dark' | 'system';

/** Design tokens. Anything left out keeps the default of `styles.css` (or of the host's `--oc-*` rules). */
export interface OrgConnectionsTheme {
  colors?: Partial<OrgConnectionsColors>;
  /** Any CSS length, e.g. `'6px'`. */
  radius?: string;
  /** A CSS `font-family`. */
  font?: string;
  density?: OrgConnectionsDensity;
  /** `system` follows `prefers-color-scheme`. Default `light`. */
  colorScheme?: OrgConnectionsColorScheme;
}

/** A class name per part, applied after the library's own. */
export type ClassNames<Slot extends string> = Partial<Record<Slot, string>>;

/** The provider's theme with the component's on top (colours merged per key). */
export function mergeThemes(...themes: ReadonlyArray<OrgConnectionsTheme | undefined>): OrgConnectionsTheme {
  const merged: OrgConnectionsTheme = {};
  for (const theme of themes) {
    if (theme) Object.assign(merged, theme, { colors: { ...merged.colors, ...theme.colors } });
  }
  return merged;
}

const toKebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The `--oc-*` custom properties for a theme, as a React style object. */
export function themeStyle(theme: OrgConnectionsTheme): CSSProperties {
  const style: Record<string, string> = {};
  for (const [name, value] of Object.entries(theme.colors ?? {})) {
    if (value) style[`--oc-${toKebab(name)}`] = value;
  }
  if (theme.radius) style['--oc-radius'] = theme.radius;
  if (theme.font) style['--oc-font'] = theme.font;
  return style as CSSProperties;
}

/** Props for a component root (also for portalled content, which sits outside the root). */
export interface RootProps {
  'data-oc-root'?: '';
  'data-color-scheme'?: OrgConnectionsColorScheme;
  'data-density'?: OrgConnectionsDensity;
  style?: CSSProperties;
  /** The provider's `locale`, and its direction. */
  lang?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
}

/**
 * `data-oc-root` scopes every rule of `styles.css`; `unstyled` leaves it off, so no library rule applies
 * while the `data-slot` and state attributes stay for the host's own CSS.
 */
export function themeRootProps(theme: OrgConnectionsTheme, unstyled = false): RootProps {
  if (unstyled) return {};
  return {
    'data-oc-root': '',
    'data-color-scheme': theme.colorScheme ?? 'light',
    'data-density': theme.density ?? 'comfortable',
    style: themeStyle(theme),
  };
}

/** `slot(name)`: the `data-slot` and the host's class of one part, to spread on it. */
export type SlotProps<Slot extends string> = (name: Slot) => { 'data-slot': string; className: string | undefined };

export const slotProps =
  <Slot extends string>(classNames: ClassNames<Slot> = {}): SlotProps<Slot> =>
  (name) => ({ 'data-slot': name, className: classNames[name] });

/** Joins class names, skipping empty ones. */
export function cx(...names: ReadonlyArray<string | false | undefined>): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}
