import {
  type ComponentPropsWithoutRef,
  type ForwardedRef,
  type RefCallback,
  useCallback,
  useMemo,
  useRef,
} from 'react';
import { composeRefs } from '../components/compose-refs';
import { cx } from '../components/theme';
import type { OrgConnectionsPresentation } from './use-org-connections-presentation';

export interface SectionRootOptions {
  /** The caller's DOM props for the root (`style` and `className` come after the library's). */
  rest: ComponentPropsWithoutRef<'section'>;
  forwardedRef: ForwardedRef<HTMLElement>;
  presentation: OrgConnectionsPresentation<'root'>;
  /** The region's name, unless the caller gives its own `aria-label`. */
  label: string;
  /** `data-state`; `loading` also sets `aria-busy`. */
  state: string;
}

export interface SectionRoot {
  /** Spread on the `<section>`. */
  props: ComponentPropsWithoutRef<'section'> & {
    ref: RefCallback<HTMLElement>;
    'data-slot': 'root';
    'data-state': string;
  };
  /** Gives the root the keyboard. */
  focus: () => void;
}

/**
 * The root `<section>` of a component that shows the organization's connections (the list, the login prompt
 * preview): the caller's DOM props and ref, the theme, `data-slot="root"` and the state. It is focusable from script
 * only, and `focus` sends the keyboard there: where it goes when a retried read replaces the retry button.
 */
export function useSectionRoot(options: SectionRootOptions): SectionRoot {
  const { forwardedRef, presentation, label, state } = options;
  const { style, className, ...rest } = options.rest;
  const rootRef = useRef<HTMLElement>(null);
  const ref = useMemo(() => composeRefs(rootRef, forwardedRef), [forwardedRef]);
  const focus = useCallback(() => rootRef.current?.focus(), []);
  const { rootProps, classNames } = presentation;
  return {
    focus,
    props: {
      tabIndex: -1,
      'aria-label': label,
      ...rest,
      ...rootProps,
      style: { ...rootProps.style, ...style },
      ref,
      'data-slot': 'root',
      'data-state': state,
      'aria-busy': state === 'loading' || undefined,
      className: cx(classNames?.root, className),
    },
  };
}
