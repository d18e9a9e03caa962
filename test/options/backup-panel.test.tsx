// @vitest-environment jsdom
import { File as NodeFile } from 'node:buffer';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { BackupPanel, type BackupCheck } from '../../components/options/BackupPanel';
import {
  backupFileParts,
  exportBackup,
  previewRestore,
  readBackup,
  restoreBackup,
  type Backup,
} from '../../lib/backup';
import { openDb, type KezhiDb } from '../../lib/db';
import { mergeOrder, recomputeCustomer } from '../../lib/db/aggregate';
import { deepEqual } from '../../lib/deep-equal';
import { ingestOrders } from '../../lib/db/ingest';
import type { OrderInput, Shop } from '../../lib/schemas';

const NOW = Date.UTC(2026, 4, 17);
const rules = { mergeOrder, recomputeCustomer, deepEqual };
const shop: Shop = {
  key: 'taobao:s1',
  platform: 'taobao',
  shopId: 's1',
  name: '小店',
  lastSeenAt: NOW,
  pagesRecognised: 1,
};

const order = (orderId: string): OrderInput => ({
  platform: 'taobao',
  shopId: 's1',
  orderId,
  buyerId: 'nick:a',
  buyerNick: 'a',
  identity: 'known',
  status: 'paid',
  createdAt: NOW - 86_400_000,
  amount: 1000,
  items: [{ title: '杯子', quantity: 1 }],
  source: 'import',
});

let db: KezhiDb;
beforeEach(async () => {
  db = openDb(`panel-${Math.random()}`);
  await db.open();
});
afterEach(() => {
  cleanup();
  db.close();
});

function renderPanel(deleted: string[] = []) {
  const onCheck = async (file: File, pass: string): Promise<BackupCheck> => {
    const read = await readBackup(await (file as unknown as NodeFile).text(), pass);
    if (!read.ok) return read;
    return {
      ok: true,
      backup: read.backup,
      encrypted: read.encrypted,
      summary: await previewRestore(db, read.backup, rules),
    };
  };
  const onRestore = async (backup: Backup) => {
    const { written } = await restoreBackup(db, backup, rules); // what the background handler does
    return Object.values(written).reduce((a, b) => a + b, 0);
  };
  render(
    <BackupPanel
      lang="zh_CN"
      shops={[shop]}
      onExport={() => Promise.resolve('x.json')}
      onCheck={onCheck}
      onRestore={onRestore}
      storage={{ persisted: false, usage: 2 * 1024 * 1024, quota: 10 * 1024 ** 3 }}
      onPersist={() => Promise.resolve()}
      onDeleteShop={(key) => {
        deleted.push(key);
        return Promise.resolve({ orders: 2, customers: 1 });
      }}
    />,
  );
}

async function backupFile(passphrase = ''): Promise<NodeFile> {
  await ingestOrders(db, [order('o1'), order('o2')], NOW);
  const text = (await backupFileParts(await exportBackup(db, { now: NOW }), passphrase)).join('');
  await db.orders.clear();
  await db.customers.clear();
  return new NodeFile([text], 'kezhi-backup.json');
}

describe('backup panel', () => {
  it('checks a backup, shows what it will change, and restores only after confirmation', async () => {
    const file = await backupFile();
    renderPanel();
    fireEvent.change(screen.getByTestId('restore-file'), { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('restore-check'));
    await screen.findByTestId('restore-plan');
    expect(screen.getByTestId('restore-plan-orders').textContent).toBe('订单2200');
    expect(await db.orders.count()).toBe(0);
    fireEvent.click(screen.getByTestId('restore-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('restore-status').textContent).toContain('恢复完成'),
    );
    expect(await db.orders.count()).toBe(2);
    expect(await db.customers.count()).toBe(1);
  });

  it('a wrong passphrase shows why and offers no restore', async () => {
    const file = await backupFile('right');
    renderPanel();
    fireEvent.change(screen.getByTestId('restore-file'), { target: { files: [file] } });
    fireEvent.input(screen.getByTestId('restore-passphrase'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByTestId('restore-check'));
    const error = await screen.findByTestId('restore-error', {}, { timeout: 20_000 });
    expect(error.textContent).toContain('密码不正确');
    expect(screen.queryByTestId('restore-confirm')).toBeNull();
    expect(await db.orders.count()).toBe(0);
  }, 30_000);

  it('deletes a shop only after its id is typed, and shows storage', async () => {
    const deleted: string[] = [];
    renderPanel(deleted);
    expect(screen.getByTestId('storage-persisted').textContent).toBe('未获得持久存储');
    expect(screen.getByTestId('storage-usage').textContent).toContain('2.0 MB');
    fireEvent.change(screen.getByTestId('delete-shop'), { target: { value: 'taobao:s1' } });
    const button = screen.getByTestId<HTMLButtonElement>('delete-shop-button');
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('delete-shop-confirm-text'), { target: { value: 's2' } });
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('delete-shop-confirm-text'), { target: { value: 's1' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() =>
      expect(screen.getByTestId('delete-shop-status').textContent).toContain('2 笔订单'),
    );
    expect(deleted).toEqual(['taobao:s1']);
  });
});
