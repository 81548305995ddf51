import { fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useVirtualRows } from './use-virtual-rows';

/** A scroller of `count` rows, as the picker lays it out, with buttons that scroll to the ends. */
function Rows({ count }: { count: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end, rowHeight, measure, scrollToIndex } = useVirtualRows(count, scrollRef, 2);
  return (
    <>
      <div ref={scrollRef} data-testid="scroller" onScroll={measure}>
        <ul style={{ height: count * rowHeight, position: 'relative' }}>
          {Array.from({ length: end - start }, (_, offset) => start + offset).map((index) => (
            <li key={index} style={{ position: 'absolute', top: index * rowHeight }}>
              row {index}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={() => scrollToIndex(count - 1)}>
        last
      </button>
      <button type="button" onClick={() => scrollToIndex(0)}>
        first
      </button>
    </>
  );
}

// jsdom lays nothing out: a 200px scroller of 40px rows.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(200);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(40);
});
afterEach(() => vi.restoreAllMocks());

const shown = () => screen.queryAllByRole('listitem').map((item) => item.textContent);

describe('useVirtualRows', () => {
  it('renders only the rows in view and the overscan, at the height a drawn row has', () => {
    render(<Rows count={10_000} />);
    expect(shown()).toEqual(['row 0', 'row 1', 'row 2', 'row 3', 'row 4', 'row 5', 'row 6']);
    expect(screen.getByText('row 6')).toHaveStyle({ top: '240px' });
    expect(screen.getByRole('list')).toHaveStyle({ height: '400000px' });
  });

  it('follows the scroll position', () => {
    render(<Rows count={10_000} />);
    const list = screen.getByTestId('scroller');
    list.scrollTop = 4000;
    fireEvent.scroll(list);
    expect(shown()).toEqual([
      'row 98',
      'row 99',
      'row 100',
      'row 101',
      'row 102',
      'row 103',
      'row 104',
      'row 105',
      'row 106',
    ]);
  });

  it('scrolls a row into view, as little as needed', () => {
    render(<Rows count={10_000} />);
    const list = screen.getByTestId('scroller');
    fireEvent.click(screen.getByRole('button', { name: 'last' }));
    expect(list.scrollTop).toBe(10_000 * 40 - 200);
    expect(shown().at(-1)).toBe('row 9999');
    fireEvent.click(screen.getByRole('button', { name: 'first' }));
    expect(list.scrollTop).toBe(0);
    expect(shown()[0]).toBe('row 0');
  });

  it('renders nothing for an empty list', () => {
    render(<Rows count={0} />);
    expect(shown()).toEqual([]);
  });
});
