// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import {
  TemplateEditor,
  type TemplatePreviewSource,
} from '../../components/options/TemplateEditor';
import { loadPreviewSource } from '../../entrypoints/options/preview-order';
import { openDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { DEFAULT_TEMPLATES } from '../../lib/reminders';
import { DEFAULT_SETTINGS } from '../../lib/settings';

afterEach(cleanup);

const NOW = Date.UTC(2026, 4, 17, 2, 0); // 10:00 China time
const orderSource: TemplatePreviewSource = {
  kind: 'unpaid',
  vars: {
    buyer: 'tb_test_buyer05',
    items: [{ title: '测试杯子', quantity: 1 }],
    amount: 2000,
    orderTime: NOW - 3_600_000,
    timeLeftMs: 5 * 3_600_000,
    shop: '客知测试旗舰店',
    orderId: '3306183637220018080',
  },
};

function Harness(props: {
  preview?: TemplatePreviewSource;
  initial?: Record<string, string>;
  saves?: Record<string, string>[];
  downloads?: string[];
}) {
  const [overrides, setOverrides] = useState(props.initial ?? {});
  return (
    <TemplateEditor
      lang="zh_CN"
      overrides={overrides}
      defaultTone="polite"
      preview={props.preview ?? orderSource}
      onSave={(next) => {
        props.saves?.push(next);
        setOverrides(next);
        return Promise.resolve();
      }}
      onDownload={(_, text) => props.downloads?.push(text)}
      now={() => NOW}
    />
  );
}

const area = () => screen.getByTestId<HTMLTextAreaElement>('tpl-text');
const setText = (v: string) => fireEvent.input(area(), { target: { value: v } });

describe('template editor', () => {
  it('opens on the built-in template and previews it on the order, with a valid result', () => {
    render(<Harness />);
    expect(screen.getByTestId('tpl-id').textContent).toBe('remind.new.chat.polite');
    expect(area().value).toBe(DEFAULT_TEMPLATES.zh_CN['remind.new.chat.polite']);
    const preview = screen.getByTestId('tpl-preview').textContent;
    expect(preview).toContain('客知测试旗舰店');
    expect(preview).toContain('测试杯子');
    expect(preview).toContain('¥20.00');
    expect(preview).toContain('5小时');
    expect(screen.getByTestId('tpl-preview-source').textContent).toContain('3306183637220018080');
    expect(screen.getByTestId('tpl-compliance').textContent).toContain('未发现问题');
  });

  it('inserts a variable at the cursor, replacing the selection', () => {
    render(<Harness />);
    setText('您好，，订单已保留');
    area().setSelectionRange(3, 3);
    fireEvent.click(screen.getByTestId('tpl-var-buyer'));
    expect(area().value).toBe('您好，{买家}，订单已保留');
    expect(screen.getByTestId('tpl-preview').textContent).toBe('您好，tb_test_buyer05，订单已保留');
    // The caret sits after the inserted variable, so a second insert follows it.
    expect(area().selectionStart).toBe(7);
    area().setSelectionRange(8, 13); // select 订单已保留
    fireEvent.click(screen.getByTestId('tpl-var-amount'));
    expect(area().value).toBe('您好，{买家}，{金额}');
    expect(screen.getByTestId('tpl-preview').textContent).toBe('您好，tb_test_buyer05，¥20.00');
  });

  it('shows render errors inline: an unknown variable and an unbalanced brace', () => {
    render(<Harness />);
    setText('亲，{金钱}到账 {买家');
    const errors = screen.getByTestId('tpl-errors').textContent;
    expect(errors).toContain('未知变量 {金钱}');
    expect(errors).toContain('花括号不成对');
    expect(screen.getByTestId('tpl-preview').textContent).toBe('');
  });

  it('warns about 好评返现 and will not save it', async () => {
    const saves: Record<string, string>[] = [];
    render(<Harness saves={saves} />);
    setText('亲，付款后给个好评返现5元哦');
    const item = screen
      .getByTestId('tpl-compliance')
      .querySelector('[data-code="cash-for-review"]');
    expect(item?.textContent).toContain('好评返现');
    expect(item?.className).toContain('field-error');
    fireEvent.click(screen.getByTestId('tpl-save'));
    await waitFor(() => expect(screen.getByTestId('tpl-status').textContent).toContain('修正'));
    expect(saves).toEqual([]);
  });

  it('flags a marketing SMS without an opt-out', () => {
    render(<Harness />);
    fireEvent.change(screen.getByTestId('tpl-kind'), { target: { value: 'moment' } });
    fireEvent.change(screen.getByTestId('tpl-channel'), { target: { value: 'sms' } });
    expect(screen.getByTestId('tpl-id').textContent).toBe('care.day2.sms');
    setText('【{店铺}】亲，{商品}已签收');
    expect(
      screen.getByTestId('tpl-compliance').querySelector('[data-code="sms-missing-opt-out"]'),
    ).toBeTruthy();
  });

  it('saves an override for the chosen group, channel and tone; reset restores the default', async () => {
    const saves: Record<string, string>[] = [];
    render(<Harness saves={saves} />);
    fireEvent.change(screen.getByTestId('tpl-group'), { target: { value: 'large' } });
    fireEvent.change(screen.getByTestId('tpl-channel'), { target: { value: 'sms' } });
    fireEvent.change(screen.getByTestId('tpl-tone'), { target: { value: 'warm' } });
    expect(screen.getByTestId('tpl-id').textContent).toBe('remind.large.sms.warm');
    setText('【{店铺}】{买家}，您的订单{订单号}还未付款');
    fireEvent.click(screen.getByTestId('tpl-save'));
    await waitFor(() => expect(screen.getByTestId('tpl-status').textContent).toBe('模板已保存'));
    expect(saves.at(-1)).toEqual({
      'remind.large.sms.warm': '【{店铺}】{买家}，您的订单{订单号}还未付款',
    });
    expect(screen.getByText(/已修改/)).toBeTruthy();

    fireEvent.click(screen.getByTestId('tpl-reset'));
    fireEvent.click(screen.getByTestId('tpl-reset-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('tpl-status').textContent).toBe('已恢复默认模板'),
    );
    expect(saves.at(-1)).toEqual({});
    expect(area().value).toBe(DEFAULT_TEMPLATES.zh_CN['remind.large.sms.warm']);
  });

  it('exports the set as JSON and imports it back, refusing a broken file whole', async () => {
    const saves: Record<string, string>[] = [];
    const downloads: string[] = [];
    render(
      <Harness
        saves={saves}
        downloads={downloads}
        initial={{ 'care.day7.chat': '亲，{商品}用得还好吗？' }}
      />,
    );
    fireEvent.click(screen.getByTestId('tpl-export'));
    const file = JSON.parse(downloads[0]!) as { format: string; templates: Record<string, string> };
    expect(file).toMatchObject({
      format: 'kezhi-templates',
      version: 1,
      templates: { 'care.day7.chat': '亲，{商品}用得还好吗？' },
    });

    const input = screen.getByTestId<HTMLInputElement>('tpl-import');
    const bad = { ...file, templates: { ...file.templates, 'remind.new.sms.brief': '亲，{金钱}' } };
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(bad)], 't.json')] } });
    await waitFor(() =>
      expect(screen.getByTestId('tpl-status').textContent).toContain('没有导入任何模板'),
    );
    expect(screen.getByTestId('tpl-status').textContent).toContain('remind.new.sms.brief');
    expect(saves).toEqual([]);

    const good = { ...file, templates: { 'remind.new.sms.brief': '【{店铺}】订单{订单号}待付款' } };
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(good)], 't.json')] } });
    await waitFor(() =>
      expect(screen.getByTestId('tpl-status').textContent).toBe('已导入 1 个模板'),
    );
    expect(saves.at(-1)).toEqual({
      'care.day7.chat': '亲，{商品}用得还好吗？',
      'remind.new.sms.brief': '【{店铺}】订单{订单号}待付款',
    });
  });
});

describe('preview order', () => {
  it('uses the most recent unpaid order of the history, else another order, else a sample', async () => {
    const db = openDb(`preview-${Math.random()}`);
    await db.open();
    const settings = DEFAULT_SETTINGS;
    expect((await loadPreviewSource(db, settings, NOW)).kind).toBe('sample');

    const base = {
      platform: 'taobao' as const,
      shopId: 's1',
      identity: 'known' as const,
      amount: 16900,
      items: [{ title: '纯棉T恤', quantity: 2 }],
      source: 'import' as const,
    };
    await ingestOrders(
      db,
      [
        {
          ...base,
          orderId: 'P1',
          buyerId: 'nick:a',
          buyerNick: 'a',
          status: 'completed',
          createdAt: NOW - 9e7,
          paidAt: NOW - 9e7,
        },
      ],
      NOW,
    );
    const recent = await loadPreviewSource(db, settings, NOW);
    expect(recent).toMatchObject({
      kind: 'recent',
      vars: { orderId: 'P1', buyer: 'a', tier: expect.any(String) },
    });

    await ingestOrders(
      db,
      [
        {
          ...base,
          orderId: 'U1',
          buyerId: 'nick:b',
          buyerNick: 'b',
          status: 'unpaid',
          createdAt: NOW - 7_200_000,
        },
        {
          ...base,
          orderId: 'U2',
          buyerId: 'nick:c',
          buyerNick: 'c',
          status: 'unpaid',
          createdAt: NOW - 3_600_000,
        },
      ],
      NOW,
    );
    const unpaid = await loadPreviewSource(db, settings, NOW);
    expect(unpaid).toMatchObject({
      kind: 'unpaid',
      vars: { orderId: 'U2', buyer: 'c', amount: 16900, shop: 's1' },
    });
    expect(unpaid.vars.timeLeftMs).toBe(23 * 3_600_000); // taobao closes after 24 h
    db.close();
  });

  it('says so when the preview uses a sample order', () => {
    render(<Harness preview={{ kind: 'sample', vars: orderSource.vars }} />);
    expect(screen.getByTestId('tpl-preview-source').textContent).toContain('示例订单');
  });
});
