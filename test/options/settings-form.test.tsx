// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { SettingsForm } from '../../components/options/SettingsForm';
import { loadSettings, resetSettings, saveSettings } from '../../lib/browser/settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import type { Shop } from '../../lib/schemas';

afterEach(cleanup);

const shops: Shop[] = [
  {
    key: 'taobao:100000001',
    platform: 'taobao',
    shopId: '100000001',
    name: '客知测试旗舰店',
    lastSeenAt: 0,
    pagesRecognised: 1,
  },
];

const noWoo = {
  shops: [],
  onAdd: () => Promise.resolve(undefined),
  onRemove: () => Promise.resolve(undefined),
};

/** The form wired to the real settings store (fake browser storage), as the options page does. */
function Harness(props: { initial: Settings; lang?: Settings['language'] }) {
  const [settings, setSettings] = useState(props.initial);
  return (
    <SettingsForm
      lang={props.lang ?? 'zh_CN'}
      settings={settings}
      shops={shops}
      onSave={async (next) => setSettings(await saveSettings(next))}
      onReset={async () => setSettings(await resetSettings())}
      woo={noWoo}
    />
  );
}

const field = (path: string) => screen.getByTestId<HTMLInputElement>(`setting-${path}`);
const type = (path: string, value: string) => fireEvent.input(field(path), { target: { value } });

describe('settings form', () => {
  it('shows every setting with its saved value, in Chinese by default', () => {
    render(<Harness initial={DEFAULT_SETTINGS} />);
    expect(field('lifecycle.activeDays').value).toBe('90');
    expect(field('reminders.quietStartMinute').value).toBe('22:00');
    expect(field('reminders.quietEndMinute').value).toBe('08:00');
    expect(field('reminders.autoCloseMinutes.douyin').value).toBe('30');
    expect(field('reminders.newLadder.1.atMinute').value).toBe('09:00');
    expect(field('tier.shares.svip').value).toBe('10');
    expect(field('shops.taobao:100000001.overlayEnabled').checked).toBe(true);
    expect(screen.getByText('保存设置')).toBeTruthy();
  });

  it('an invalid lifecycle cut shows its error next to the field and saves nothing', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    render(<Harness initial={DEFAULT_SETTINGS} />);
    type('lifecycle.activeDays', '200'); // above the sleeping cut (180)
    expect(screen.getByTestId('error-lifecycle').textContent).toContain('活跃 < 睡眠 < 预流失');
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toContain('没有保存'),
    );
    expect((await loadSettings()).lifecycle.activeDays).toBe(90);

    type('lifecycle.sleepingDays', 'abc');
    expect(screen.getByTestId('error-lifecycle.sleepingDays').textContent).toBe('请输入数字');
    type('lifecycle.sleepingDays', '250');
    expect(screen.queryByTestId('error-lifecycle')).toBeNull();
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toBe('设置已保存'),
    );
    expect((await loadSettings()).lifecycle).toEqual({
      activeDays: 200,
      sleepingDays: 250,
      prechurnDays: 365,
    });
  });

  it('rejects a malformed quiet-hour time and an out-of-range number, then saves valid ones', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    render(<Harness initial={DEFAULT_SETTINGS} />);
    type('reminders.quietStartMinute', '25:00');
    expect(screen.getByTestId('error-reminders.quietStartMinute').textContent).toContain('HH:mm');
    type('reminders.maxPerOrderPer24h', '0');
    expect(screen.getByTestId('error-reminders.maxPerOrderPer24h').textContent).toBe('不能小于 1');
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toContain('2 处'),
    );
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);

    type('reminders.quietStartMinute', '21:30');
    type('reminders.maxPerOrderPer24h', '2');
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toBe('设置已保存'),
    );
    const saved = await loadSettings();
    expect(saved.reminders.quietStartMinute).toBe(21 * 60 + 30);
    expect(saved.reminders.maxPerOrderPer24h).toBe(2);
  });

  it('edits a ladder step between "minutes after" and "day +N at HH:mm"', async () => {
    render(<Harness initial={DEFAULT_SETTINGS} />);
    fireEvent.change(screen.getByTestId('setting-reminders.returningLadder.0.mode'), {
      target: { value: 'after' },
    });
    type('reminders.returningLadder.0.afterMinutes', '90');
    fireEvent.change(screen.getByTestId('setting-reminders.returningLadder.0.channel'), {
      target: { value: 'chat' },
    });
    fireEvent.click(screen.getByTestId('reminders.largeReturningLadder-add'));
    type('reminders.largeReturningLadder.1.dayOffset', '9'); // at most 7
    expect(screen.getByTestId('error-reminders.largeReturningLadder.1.dayOffset').textContent).toBe(
      '不能大于 7',
    );
    type('reminders.largeReturningLadder.1.dayOffset', '2');
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toBe('设置已保存'),
    );
    const r = (await loadSettings()).reminders;
    expect(r.returningLadder).toEqual([{ channel: 'chat', afterMinutes: 90 }]);
    expect(r.largeReturningLadder).toEqual([
      { channel: 'phone', dayOffset: 1, atMinute: 900 },
      { channel: 'sms', dayOffset: 2, atMinute: 900 },
    ]);
  });

  it('tier shares over 100 % are refused; threshold mode shows the thresholds', () => {
    render(<Harness initial={DEFAULT_SETTINGS} />);
    type('tier.shares.senior', '80');
    expect(screen.getByTestId('error-tier.shares').textContent).toContain('100%');
    fireEvent.change(screen.getByTestId('setting-tier.mode'), { target: { value: 'threshold' } });
    expect(field('tier.thresholds.vip.spendYuan').value).toBe('2000');
  });

  it('reset asks first, then restores every default', async () => {
    const edited = { ...DEFAULT_SETTINGS, recentDays: 30, staffName: '小王' };
    await saveSettings(edited);
    render(<Harness initial={edited} />);
    expect(field('recentDays').value).toBe('30');
    fireEvent.click(screen.getByTestId('settings-reset'));
    expect(await loadSettings()).toEqual(edited); // not before the confirmation
    fireEvent.click(screen.getByTestId('settings-reset-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toBe('已恢复默认设置'),
    );
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    // The draft follows the stored settings once the form has re-rendered.
    await waitFor(() => expect(field('recentDays').value).toBe('90'));
    expect(field('staffName').value).toBe('');
  });

  it('speaks English when the language setting says so', () => {
    render(<Harness initial={{ ...DEFAULT_SETTINGS, language: 'en' }} lang="en" />);
    expect(screen.getByText('Save settings')).toBeTruthy();
    type('lifecycle.prechurnDays', '100');
    expect(screen.getByTestId('error-lifecycle').textContent).toContain(
      'active < sleeping < pre-churn',
    );
  });
});
