// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { SearchPanel, type ResultRowData } from '../../components/popup/SearchPanel';

const row = (key: string, nick: string): ResultRowData => ({
  key,
  nick,
  platform: 'taobao',
  shopName: '小店',
  identity: 'known',
  tier: 'vip',
  segment: 'loyal',
  kind: 'returning',
  lastOrderAt: Date.UTC(2025, 4, 1),
  blacklisted: false,
  matched: '昵称开头',
});
const rows = [row('k1', '张三'), row('k2', '张三丰'), row('k3', '张小凡')];

function setup(props: Partial<Parameters<typeof SearchPanel>[0]> = {}) {
  const onOpen = vi.fn();
  const onQuery = vi.fn();
  render(
    <SearchPanel
      lang="zh_CN"
      query="张"
      onQuery={onQuery}
      rows={rows}
      onOpen={onOpen}
      {...props}
    />,
  );
  const input = screen.getByRole('combobox');
  const selected = () =>
    screen
      .getAllByRole('option')
      .filter((o) => o.getAttribute('aria-selected') === 'true')
      .map((o) => o.getAttribute('data-key'));
  return { onOpen, onQuery, input, selected };
}

describe('SearchPanel', () => {
  it('focuses the input and shows each row with tier, segment, kind, date and match', () => {
    const { input } = setup();
    expect(document.activeElement).toBe(input);
    const first = screen.getAllByRole('option')[0]!;
    expect(first.textContent).toContain('张三');
    expect(first.textContent).toContain('淘宝');
    expect(first.textContent).toContain('VIP');
    expect(first.textContent).toContain('忠诚客户');
    expect(first.textContent).toContain('老客');
    expect(first.textContent).toContain('2025-05-01');
    expect(first.textContent).toContain('昵称开头');
  });

  it('a new query’s rows take the places of the last ones; click, hover and Enter act on the new', () => {
    const onOpen = vi.fn();
    const panel = (q: string, list: ResultRowData[]) => (
      <SearchPanel lang="zh_CN" query={q} onQuery={() => {}} rows={list} onOpen={onOpen} />
    );
    const { rerender } = render(panel('张', rows));
    const before = screen.getAllByRole('option');
    const next = [row('k9', '李四'), row('k8', '李娜'), row('k7', '李白'), row('k6', '李逵')];
    rerender(panel('李', next));
    const after = screen.getAllByRole('option');
    // Patched in place, not made anew: the same elements for the first three places.
    expect(after.slice(0, 3)).toEqual(before);
    expect(after.map((o) => o.getAttribute('data-key'))).toEqual(['k9', 'k8', 'k7', 'k6']);
    expect(after.map((o) => o.querySelector('.kp-nick')?.textContent)).toEqual([
      '李四',
      '李娜',
      '李白',
      '李逵',
    ]);
    fireEvent.click(after[1]!);
    expect(onOpen).toHaveBeenLastCalledWith('k8');
    fireEvent.mouseMove(after[3]!);
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith('k6');
    // Fewer rows again: the places left over go.
    rerender(panel('李白', [row('k7', '李白')]));
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('data-key'))).toEqual(['k7']);
  });

  it('↑/↓ move the highlight within the list; Enter opens the highlighted customer', () => {
    const { input, selected, onOpen } = setup();
    expect(selected()).toEqual(['k1']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()).toEqual(['k2']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()).toEqual(['k3']);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(selected()).toEqual(['k2']);
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]!.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('k2');
  });

  it('Esc clears the query', () => {
    const { input, onQuery } = setup();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onQuery).toHaveBeenCalledWith('');
  });

  it('Enter while results are pending waits for them, then opens the first', () => {
    const onOpen = vi.fn();
    const { rerender } = render(
      <SearchPanel
        lang="zh_CN"
        query="张小"
        onQuery={() => {}}
        rows={rows}
        pending
        onOpen={onOpen}
      />,
    );
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter' });
    expect(onOpen).not.toHaveBeenCalled();
    rerender(
      <SearchPanel
        lang="zh_CN"
        query="张小"
        onQuery={() => {}}
        rows={[rows[2]!]}
        onOpen={onOpen}
      />,
    );
    expect(onOpen).toHaveBeenCalledWith('k3');
  });

  it('starts on the customer last opened when coming back from a card', () => {
    const { selected } = setup({ initialKey: 'k3' });
    expect(selected()).toEqual(['k3']);
  });

  it('says when nothing matched and what can be searched', () => {
    setup({ rows: [], query: 'zzz' });
    expect(screen.getByRole('status').textContent).toContain('没有找到“zzz”');
    expect(screen.getByRole('status').textContent).toContain('手机尾号');
  });

  it('shows the idle content (due today) and recent list only for an empty query', () => {
    render(
      <SearchPanel
        lang="en"
        query=""
        onQuery={() => {}}
        rows={rows}
        onOpen={() => {}}
        idle={<p>due-list</p>}
      />,
    );
    expect(screen.getByText('due-list')).toBeTruthy();
    expect(screen.getByText('Recent customers')).toBeTruthy();
  });
});
