import type { View } from '@org-connections/core';
import type { FakeTenant } from '@org-connections/testing';
import { seedIds } from '@org-connections/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { EmulatedMedia } from '../../../../.ci/emulate-media';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { defaultMessages as messages } from '../i18n/messages';
import { messages as ar } from '../locales/ar';
import { LoginPromptPreview } from './login-prompt-preview';
import { OrgConnectionsList } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';
import type { OrgConnectionsColorScheme } from './theme';
import '../styles.css';

/*
 * The components in the display modes a user's system can ask for: forced colors (Windows high contrast), more
 * contrast, reduced motion, 320 CSS px and 200% text, right to left. Media features are emulated by Playwright
 * (`commands.emulateMedia`), for the test's tab only; what is asserted is read from pixels and boxes where it can be.
 */

const { acme } = seedIds.organizations;
const worker = setupWorker();
let tenant: FakeTenant;
serveFakeTenant(worker, (created) => {
  tenant = created;
});

/** Emulates the given media features and no others, for the test's tab (vitest.config.ts's `emulateMedia`). */
const emulate = (media: EmulatedMedia) => commands.emulateMedia(media);

afterEach(async () => {
  await emulate({});
  expect(matchMedia('(forced-colors: active)').matches).toBe(false);
  await page.viewport(414, 896);
  document.documentElement.style.fontSize = '';
});

function renderAll({
  colorScheme = 'system',
  locale,
  view = 'tenant-admin',
}: {
  colorScheme?: OrgConnectionsColorScheme;
  locale?: 'ar';
  view?: View;
} = {}) {
  const { queryClient, api } = createTestClients();
  return render(
    <OrgConnectionsProvider
      api={api}
      queryClient={queryClient}
      theme={{ colorScheme }}
      {...(locale ? { locale, messages: ar } : {})}
    >
      <main>
        <OrgConnectionsList organizationId={acme} view={view} />
        <LoginPromptPreview organizationId={acme} view={view} />
      </main>
    </OrgConnectionsProvider>,
  );
}

const findRow = async (name: string) =>
  (await screen.findByText(name, { selector: '[data-slot="name"]' })).closest('[data-slot="row"]') as HTMLElement;
const switches = () => screen.getAllByRole('switch');

// ---- pixels ----------------------------------------------------------------------------------------

interface Picture {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** What Chromium painted in `element`'s box (a screenshot, decoded). */
async function pictureOf(element: Element): Promise<Picture> {
  const base64 = await page.screenshot({ element, save: false });
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return { width: bitmap.width, height: bitmap.height, data };
}

/** A system colour as Chromium resolves it now, as [r, g, b]. */
function systemColor(name: string): number[] {
  const probe = document.createElement('div');
  probe.style.cssText = `forced-color-adjust: none; color: ${name}`;
  document.body.append(probe);
  const rgb = rgbOf(getComputedStyle(probe).color);
  probe.remove();
  return rgb;
}

/** Which pixels are drawn (differ from the page's `Canvas`), as a mask of 0 and 1. */
function inkOf(picture: Picture, canvas: number[]): Uint8Array {
  const mask = new Uint8Array(picture.width * picture.height);
  for (let index = 0; index < mask.length; index++) {
    const distance = [0, 1, 2].reduce(
      (sum, channel) => sum + Math.abs((picture.data[index * 4 + channel] ?? 0) - (canvas[channel] ?? 0)),
      0,
    );
    mask[index] = distance > 60 ? 1 : 0;
  }
  return mask;
}

const share = (mask: Uint8Array) => mask.reduce((sum, value) => sum + value, 0) / mask.length;
/** The share of pixels drawn in one mask and not the other (same size). */
const differing = (a: Uint8Array, b: Uint8Array) =>
  a.reduce((sum, value, index) => sum + (value ^ (b[index] ?? 0)), 0) / a.length;

// ---- colours ---------------------------------------------------------------------------------------

function rgbOf(color: string): number[] {
  const channels = color
    .match(/[\d.]+/g)
    ?.slice(0, 3)
    .map(Number);
  if (!channels || channels.length < 3) throw new Error(`not an rgb() colour: ${color}`);
  return channels;
}
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = rgbOf(color).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** WCAG 2.2 contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// ---- forced colors ---------------------------------------------------------------------------------

describe.each(['light', 'dark'] as const)('in forced colors (%s)', (scheme) => {
  // Within the runner's window, so that the page is not scaled down and screenshots keep every pixel.
  beforeEach(() => page.viewport(480, 700));

  it.each(['tenant-admin', 'org-admin'] as const)(
    'draws every switch, and on and off differ in shape, not only colour (%s)',
    async (view) => {
      await emulate({ forcedColors: 'active', colorScheme: scheme });
      renderAll({ view });
      await findRow('Acme Employees');
      // The org admin's read-only rows have locked switches: drawn too.
      if (view === 'org-admin') expect(switches().some((control) => control.hasAttribute('disabled'))).toBe(true);
      expect(matchMedia('(forced-colors: active)').matches).toBe(true);
      const canvas = systemColor('Canvas');
      const on: Uint8Array[] = [];
      const off: Uint8Array[] = [];
      for (const control of switches()) {
        const ink = inkOf(await pictureOf(control), canvas);
        // Off: the track's edge and the thumb; on: the filled track. Either way a good part of its box is drawn.
        expect(share(ink), `${control.id} is drawn`).toBeGreaterThan(0.25);
        (control.getAttribute('aria-checked') === 'true' ? on : off).push(ink);
      }
      expect(on.length).toBeGreaterThan(0);
      expect(off.length).toBeGreaterThan(0);
      for (const checked of on) {
        for (const unchecked of off) {
          if (checked.length === unchecked.length) expect(differing(checked, unchecked)).toBeGreaterThan(0.05);
        }
      }
    },
  );

  it('toggles a switch visibly, shows the keyboard focus, and keeps the pending state and an error readable', async () => {
    await emulate({ forcedColors: 'active', colorScheme: scheme });
    renderAll();
    const row = await findRow('Acme Okta');
    const canvas = systemColor('Canvas');
    const membership = within(row).getByRole('switch', { name: 'Membership on authentication' });
    const field = membership.closest('[data-slot="row-field"]') as HTMLElement;
    const before = inkOf(await pictureOf(membership), canvas);
    const fieldBefore = inkOf(await pictureOf(field), canvas);

    membership.focus();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}{Tab}');
    expect(membership).toHaveFocus();
    expect(differing(inkOf(await pictureOf(field), canvas), fieldBefore), 'focus ring').toBeGreaterThan(0.01);

    tenant.setLatency(2000);
    tenant.failNext({ status: 503, match: { operation: 'updateOrganizationConnection' } });
    await userEvent.keyboard(' ');
    expect(row).toHaveAttribute('data-pending');
    expect(differing(inkOf(await pictureOf(membership), canvas), before), 'toggled').toBeGreaterThan(0.05);
    const message = await within(row).findByText(/server had a problem/, {}, { timeout: 5000 });
    expect(share(inkOf(await pictureOf(message), canvas)), 'error text').toBeGreaterThan(0.02);
  });

  it('gives the select, its popup, buttons, badges, dialogs and the prompt preview visible edges', async () => {
    await emulate({ forcedColors: 'active', colorScheme: scheme });
    renderAll();
    const row = await findRow('Acme Employees');
    const canvas = systemColor('Canvas');
    /** Each side of the element's box has drawn pixels at its middle (the border, not just the text). */
    const expectEdges = async (element: Element, what: string) => {
      const picture = await pictureOf(element);
      const ink = inkOf(picture, canvas);
      const { width, height } = picture;
      const drawnNear = (x0: number, y0: number, dx: number, dy: number) =>
        [0, 1, 2].some((step) => ink[(y0 + dy * step) * width + (x0 + dx * step)] === 1);
      const mid = { x: Math.floor(width / 2), y: Math.floor(height / 2) };
      expect(
        [
          drawnNear(0, mid.y, 1, 0),
          drawnNear(width - 1, mid.y, -1, 0),
          drawnNear(mid.x, 0, 0, 1),
          drawnNear(mid.x, height - 1, 0, -1),
        ],
        `${what}: left, right, top and bottom edges`,
      ).toEqual([true, true, true, true]);
    };
    await expectEdges(within(row).getByText('Database', { selector: '[data-slot="kind-badge"]' }), 'kind badge');
    await expectEdges(within(row).getByRole('button', { name: /^Rename/ }), 'button');
    const select = within(row).getByRole('combobox');
    await expectEdges(select, 'access level select');
    await userEvent.click(select);
    await expectEdges(await screen.findByRole('listbox'), 'its popup');
    const highlighted = document.querySelector('[data-slot="select-option"][data-highlighted]');
    if (highlighted)
      expect(share(inkOf(await pictureOf(highlighted), canvas)), 'highlighted option').toBeGreaterThan(0.5);
    await userEvent.keyboard('{Escape}');

    const prompt = screen.getByRole('figure', { name: messages.loginPromptCaption });
    await expectEdges(prompt, 'login prompt');
    for (const box of prompt.querySelectorAll('[data-slot="prompt-input"], [data-slot="prompt-action"]')) {
      await expectEdges(box, box.textContent ?? 'a prompt box');
    }

    await userEvent.click(within(row).getByRole('button', { name: /^Remove/ }));
    scrollTo(0, 0);
    await expectEdges(await screen.findByRole('alertdialog'), 'remove dialog');
    await userEvent.keyboard('{Escape}');
    await userEvent.click(screen.getByRole('button', { name: messages.addConnection }));
    scrollTo(0, 0);
    await expectEdges(await screen.findByRole('dialog'), 'add dialog');
  });
});

// ---- more contrast ---------------------------------------------------------------------------------

describe.each(['light', 'dark'] as const)('with more contrast (%s)', (scheme) => {
  it('keeps borders and switches at 3:1 and text at 4.5:1 against the background', async () => {
    await emulate({ contrast: 'more' });
    renderAll({ colorScheme: scheme });
    const row = await findRow('Acme Employees');
    const css = (element: Element) => getComputedStyle(element);
    const background = css(within(row).getByRole('button', { name: /^Rename/ })).backgroundColor;
    const list = document.querySelector('[data-slot="list"]') as HTMLElement;
    const pairs: Array<[string, string, string, number]> = [
      ['text', css(list).color, background, 4.5],
      ['list border', css(list).borderTopColor, background, 3],
      ['input border', css(within(row).getByRole('combobox')).borderTopColor, background, 3],
      ['strategy text', css(row.querySelector('[data-slot="strategy"]') as Element).color, background, 4.5],
      ['count text', css(document.querySelector('[data-slot="count"]') as Element).color, background, 4.5],
    ];
    const badge = row.querySelector('[data-slot="kind-badge"]') as Element;
    pairs.push(['badge text', css(badge).color, css(badge).backgroundColor, 4.5]);
    const add = screen.getByRole('button', { name: messages.addConnection });
    pairs.push(['primary button text', css(add).color, css(add).backgroundColor, 4.5]);
    pairs.push(['primary button', css(add).backgroundColor, background, 3]);
    for (const control of switches()) {
      const track = css(control).backgroundColor;
      const state = control.getAttribute('aria-checked') === 'true' ? 'on' : 'off';
      pairs.push([`${state} track`, track, background, 3]);
      pairs.push([`${state} thumb`, css(control.firstElementChild as Element).backgroundColor, track, 3]);
    }
    const focused = within(row).getByRole('switch', { name: 'Enabled' });
    focused.focus();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}{Tab}');
    pairs.push(['focus ring', css(focused).outlineColor, background, 3]);

    const failing = pairs
      .map(([what, a, b, least]) => ({ what, ratio: Math.round(contrast(a, b) * 100) / 100, least }))
      .filter(({ ratio, least }) => ratio < least);
    expect(failing).toEqual([]);
  });
});

// ---- reflow ----------------------------------------------------------------------------------------

/** No sideways scrolling, and every control on the page is drawn within the 320 px. */
function expectReflow(where: string) {
  const root = document.documentElement;
  expect(root.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(root.clientWidth);
  // Nor inside a dialog, a popup or a list that scrolls.
  for (const scroller of document.querySelectorAll('[data-oc-root], [data-oc-root] *')) {
    if (!['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) continue;
    expect(scroller.scrollWidth, `${where}: ${scroller.getAttribute('data-slot')} width`).toBeLessThanOrEqual(
      scroller.clientWidth,
    );
  }
  const controls = document.querySelectorAll(
    'button, input, select, [role="switch"], [role="combobox"], [role="option"], [role="listbox"], [role="dialog"], [role="alertdialog"], [data-slot="prompt-action"], [data-slot="prompt-connection"]',
  );
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    if (!control.checkVisibility()) continue;
    const box = control.getBoundingClientRect();
    const label = `${where}: ${control.getAttribute('aria-label') ?? control.textContent?.slice(0, 40) ?? control.tagName}`;
    expect(box.width, label).toBeGreaterThan(0);
    expect(box.left, label).toBeGreaterThanOrEqual(-0.5);
    expect(box.right, label).toBeLessThanOrEqual(root.clientWidth + 0.5);
  }
}

describe.each([
  ['320 CSS px', '', undefined],
  ['320 CSS px and 200% text', '200%', undefined],
  ['320 CSS px, right to left', '', 'ar'],
] as const)('at %s', (_, fontSize, locale) => {
  it('lays out the list, its dialogs, the select, the picker and the preview without sideways scrolling', async () => {
    await page.viewport(320, 640);
    document.documentElement.style.fontSize = fontSize;
    renderAll({ colorScheme: 'light', locale });
    const text = locale ? ar : messages;
    const row = await findRow('Acme Employees');
    await screen.findByRole('figure', { name: text.loginPromptCaption });
    expectReflow('list and preview');

    await userEvent.click(within(row).getByRole('combobox'));
    await screen.findByRole('listbox');
    expectReflow('access level select');
    await userEvent.keyboard('{Escape}');

    await userEvent.click(within(row).getByRole('button', { name: text.remove('Acme Employees') }));
    await screen.findByRole('alertdialog');
    expectReflow('remove dialog');
    await userEvent.keyboard('{Escape}');

    await userEvent.click(screen.getByRole('button', { name: text.addConnection }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findAllByRole('option');
    expectReflow('add dialog: picker');
    // The first connection, picked with the keyboard (the search has the focus).
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(within(dialog).getAllByRole('switch').length).toBeGreaterThan(0));
    expectReflow('add dialog: settings');
  });
});

// ---- reduced motion --------------------------------------------------------------------------------

describe('with reduced motion', () => {
  const moving = () =>
    [...document.querySelectorAll('[data-oc-root], [data-oc-root] *')].filter((element) => {
      const style = getComputedStyle(element);
      const seconds = (value: string) => value.split(',').some((part) => Number.parseFloat(part) > 0);
      return (style.animationName !== 'none' && seconds(style.animationDuration)) || seconds(style.transitionDuration);
    });

  it('moves nothing, while the switches animate otherwise', async () => {
    tenant.setLatency(400);
    const { unmount } = renderAll();
    await waitFor(() => expect(document.querySelector('[data-slot="skeleton"]')).not.toBeNull());
    expect(moving().length).toBeGreaterThan(0);
    await findRow('Acme Employees');
    expect(moving().length).toBeGreaterThan(0);
    unmount();

    await emulate({ reducedMotion: 'reduce' });
    renderAll();
    await waitFor(() => expect(document.querySelector('[data-slot="skeleton"]')).not.toBeNull());
    expect(moving()).toEqual([]);
    await findRow('Acme Employees');
    expect(moving()).toEqual([]);
  });
});

// ---- right to left ---------------------------------------------------------------------------------

describe.each([
  ['left to right', undefined, {}],
  ['right to left', 'ar', {}],
  ['right to left, in forced colors', 'ar', { forcedColors: 'active' }],
] as const)('%s', (_, locale, features) => {
  it('puts a switch’s thumb at the end of the reading direction when on, and at the start when off', async () => {
    await emulate(features);
    renderAll({ locale });
    await screen.findAllByRole('switch');
    const rtl = locale === 'ar';
    for (const control of switches()) {
      expect(getComputedStyle(control).direction).toBe(rtl ? 'rtl' : 'ltr');
      const track = control.getBoundingClientRect();
      const thumb = (control.firstElementChild as Element).getBoundingClientRect();
      const thumbCenter = thumb.left + thumb.width / 2;
      const trackCenter = track.left + track.width / 2;
      const atTheRight = thumbCenter > trackCenter;
      const on = control.getAttribute('aria-checked') === 'true';
      expect(atTheRight, `${control.id} (${on ? 'on' : 'off'})`).toBe(on !== rtl);
      expect(thumb.left).toBeGreaterThanOrEqual(track.left);
      expect(thumb.right).toBeLessThanOrEqual(track.right);
    }
  });
});
