// @vitest-environment jsdom
/** The popup's sync line and the options' sync state show how far a pull has come. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { SyncLine } from '../../components/popup/SyncLine';
import { pullProgress } from '../../components/sync-view';

afterEach(cleanup);

it('shows received of total while a first pull runs', () => {
  const { getByTestId } = render(
    <SyncLine
      lang="zh_CN"
      status={{ state: 'syncing', pending: 0, pulled: 4990, total: 100002 }}
    />,
  );
  expect(getByTestId('sync-line').textContent).toBe('团队同步：同步中 · 已接收 4,990 / 100,002');
});

it('shows only the count when the total is unknown, and nothing once caught up', () => {
  expect(pullProgress({ pulled: 12 })).toBe('12');
  const { getByTestId } = render(
    <SyncLine lang="en" status={{ state: 'ok', pending: 3, lastSyncAt: undefined }} />,
  );
  expect(getByTestId('sync-line').textContent).toBe('Team sync: ok · waiting 3');
});
