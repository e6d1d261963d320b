import { HttpErrorResponse } from '@angular/common/http';
import type { Page } from '@rapport/domain';
import type { KeysetList } from '@rapport/ui';
import { keysetList } from './keyset-list';

/** A page request the spec answers when it chooses. */
interface PendingPage {
  cursor: string | undefined;
  answer(page: Page<string>): void;
  fail(error: unknown): void;
}

function listWithManualPages(): { list: KeysetList<string>; requests: PendingPage[] } {
  const requests: PendingPage[] = [];
  const list = keysetList<string>(
    (cursor) =>
      new Promise<Page<string>>((resolve, reject) => {
        requests.push({ cursor, answer: resolve, fail: reject });
      }),
  );
  return { list, requests };
}

describe('KeysetList', () => {
  it('shows the first page, then adds the next one after it', async () => {
    const { list, requests } = listWithManualPages();
    const first = list.reload();
    expect(list.isLoading()).toBe(true);
    requests[0]?.answer({ items: ['a', 'b'], nextCursor: 'after-b' });
    await first;
    expect([list.items(), list.nextCursor(), list.isLoading()]).toEqual([['a', 'b'], 'after-b', false]);

    const second = list.more();
    expect(requests[1]?.cursor).toBe('after-b');
    requests[1]?.answer({ items: ['c'], nextCursor: null });
    await second;
    expect([list.items(), list.nextCursor()]).toEqual([['a', 'b', 'c'], null]);

    await list.more();
    expect(requests).toHaveLength(2);
  });

  it('drops the answer to an older load that arrives after a newer one', async () => {
    const { list, requests } = listWithManualPages();
    const older = list.reload();
    const newer = list.reload();
    requests[1]?.answer({ items: ['new filter'], nextCursor: null });
    await newer;
    requests[0]?.answer({ items: ['old filter'], nextCursor: 'stale' });
    await older;
    expect([list.items(), list.nextCursor(), list.isLoading()]).toEqual([['new filter'], null, false]);
  });

  it('says why a load failed, keeps the rows shown, and clears the message on the next load', async () => {
    const { list, requests } = listWithManualPages();
    const first = list.reload();
    requests[0]?.answer({ items: ['a'], nextCursor: 'after-a' });
    await first;

    const failed = list.more();
    requests[1]?.fail(new HttpErrorResponse({ status: 0 }));
    await failed;
    expect(list.error()).toContain('cannot be reached');
    expect([list.items(), list.isLoading()]).toEqual([['a'], false]);

    const retried = list.more();
    expect(list.error()).toBeNull();
    requests[2]?.answer({ items: ['b'], nextCursor: null });
    await retried;
    expect(list.items()).toEqual(['a', 'b']);
  });
});
