// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { CustomerCard, type CustomerCardProps } from '../../components/popup/CustomerCard';
import { DEFAULT_SETTINGS, Settings } from '../../lib/settings';
import { customer, orders, view } from '../support/popup-fixtures';

function setup(over: Partial<CustomerCardProps> = {}) {
  const props: CustomerCardProps = {
    lang: 'zh_CN',
    settings: DEFAULT_SETTINGS,
    customer,
    view,
    shopName: '小店',
    orders,
    contacts: [],
    meta: { tags: ['高端'], note: '爱喝绿茶', blacklisted: false, blacklistReason: '' },
    knownTags: ['老朋友'],
    onBack: vi.fn(),
    onTags: vi.fn(),
    onNote: vi.fn(),
    onBlacklist: vi.fn(),
    onForget: vi.fn(),
    ...over,
  };
  const utils = render(<CustomerCard {...props} />);
  return { props, ...utils };
}

describe('CustomerCard', () => {
  it('lists the order history newest first with status, amount and items', () => {
    const { container } = setup();
    const ids = [...container.querySelectorAll('[data-order-id]')].map((li) =>
      li.getAttribute('data-order-id'),
    );
    expect(ids).toEqual(['1003', '1002', '1001']);
    const newest = container.querySelector('[data-order-id="1003"]')!;
    expect(newest.textContent).toContain('已发货');
    expect(newest.textContent).toContain('¥100.00');
    expect(newest.textContent).toContain('龙井茶 250g ×1');
  });

  it('shows the profile with explanations, favourites and the badge row', () => {
    const { container } = setup();
    expect(container.querySelector('.kz-badges')).not.toBeNull();
    expect(container.textContent).toContain('距上次购买 12 天 ≤ 活跃期 90 天 → 活跃');
    expect(container.textContent).toContain('客单价');
    expect(container.querySelector('.kp-favs li')!.textContent).toContain('羊毛围巾');
  });

  it('masks phone and address unless the seller shows personal data', () => {
    const { container, unmount } = setup();
    expect(container.textContent).toContain('138****5678');
    expect(container.textContent).not.toContain('13812345678');
    expect(container.textContent).not.toContain('文三路');
    unmount();
    const shown = setup({ settings: Settings.parse({ showPersonalData: true }) });
    expect(shown.container.textContent).toContain('13812345678');
  });

  it('adds a typed tag with Enter and a suggested one with a click', () => {
    const { props } = setup();
    const input = screen.getByLabelText('添加标签');
    fireEvent.input(input, { target: { value: ' 回头客 ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(props.onTags).toHaveBeenLastCalledWith(['高端', '回头客']);
    fireEvent.click(screen.getByRole('button', { name: '+ 聚划算顾客' }));
    expect(props.onTags).toHaveBeenLastCalledWith(['高端', '聚划算顾客']);
    // Tags used on other customers are suggested too; the ones it already has are not.
    expect(screen.getByRole('button', { name: '+ 老朋友' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '+ 高端' })).toBeNull();
  });

  it('removes a tag', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: '删除标签 高端' }));
    expect(props.onTags).toHaveBeenCalledWith([]);
  });

  it('saves the note on Ctrl+Enter and on blur, only when changed', () => {
    const { props } = setup();
    const note = screen.getByLabelText('备注');
    fireEvent.focus(note);
    fireEvent.blur(note);
    expect(props.onNote).not.toHaveBeenCalled();
    fireEvent.focus(note);
    fireEvent.input(note, { target: { value: '爱喝绿茶，不要打电话' } });
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true });
    expect(props.onNote).toHaveBeenCalledWith('爱喝绿茶，不要打电话');
  });

  it('toggles the blacklist with its reason', () => {
    const { props } = setup();
    fireEvent.input(screen.getByLabelText('原因'), { target: { value: '职业打假' } });
    fireEvent.click(screen.getByRole('checkbox'));
    expect(props.onBlacklist).toHaveBeenCalledWith(true, '职业打假');
  });

  it('forgets the buyer only after confirmation', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: '删除该买家的个人数据' }));
    expect(props.onForget).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '确定删除' }));
    expect(props.onForget).toHaveBeenCalledOnce();
  });

  it('Esc goes back to the list', () => {
    const { props, container } = setup();
    const card = container.querySelector('.kp-card')!;
    expect(document.activeElement).toBe(card);
    fireEvent.keyDown(card, { key: 'Escape' });
    expect(props.onBack).toHaveBeenCalledOnce();
  });
});
