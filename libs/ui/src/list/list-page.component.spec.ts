import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DataColumnDirective } from './data-table.component';
import { KeysetList } from './keyset-list';
import { ListPageComponent } from './list-page.component';

interface Row {
  name: string;
  late: boolean;
}

@Component({
  imports: [ListPageComponent, DataColumnDirective],
  template: `
    <rp-list
      [list]="list"
      label="People"
      emptyIcon="group"
      emptyTitle="Nobody here"
      emptyMessage="People arrive with their orders."
      [flagged]="isLate"
    >
      <form role="search"><input aria-label="Search" /></form>
      <ng-template rpColumn="Name" let-row>{{ row.name }}</ng-template>
      <ng-template rpColumn="Late" let-row>{{ row.late ? 'yes' : 'no' }}</ng-template>
    </rp-list>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly pages = signal<Array<() => Promise<{ items: Row[]; nextCursor: string | null }>>>([]);
  readonly list = new KeysetList<Row>(
    (cursor) => {
      const next = this.pages()[cursor ? 1 : 0];
      if (!next) throw new Error('no page');
      return next();
    },
    (error) => `Could not load: ${(error as Error).message}`,
  );
  readonly isLate = (row: Row): boolean => row.late;
}

async function render(pages: HostComponent['pages'] extends () => infer P ? P : never) {
  const fixture = TestBed.createComponent(HostComponent);
  fixture.componentInstance.pages.set(pages);
  await fixture.componentInstance.list.reload();
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

function cells(element: HTMLElement): string[][] {
  return Array.from(element.querySelectorAll('tbody tr')).map((row) =>
    Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim() ?? ''),
  );
}

describe('ListPageComponent', () => {
  it('shows the filters, then the rows under their headers, each cell named for the phone layout', async () => {
    const { element } = await render([
      async () => ({ items: [{ name: 'Ana', late: false }], nextCursor: null }),
    ]);
    expect(element.querySelector('form[role="search"]')).not.toBeNull();
    expect(element.querySelector('table')?.getAttribute('aria-label')).toBe('People');
    expect(Array.from(element.querySelectorAll('th')).map((th) => th.textContent?.trim())).toEqual([
      'Name',
      'Late',
    ]);
    expect(cells(element)).toEqual([['Ana', 'no']]);
    expect(Array.from(element.querySelectorAll('td')).map((td) => td.getAttribute('data-label'))).toEqual([
      'Name',
      'Late',
    ]);
    expect(element.querySelector('button')).toBeNull();
  });

  it('adds the next page on "Show more" and tints flagged rows', async () => {
    const { fixture, element } = await render([
      async () => ({ items: [{ name: 'Ana', late: true }], nextCursor: 'after-ana' }),
      async () => ({ items: [{ name: 'Ben', late: false }], nextCursor: null }),
    ]);
    const more = element.querySelector('button') as HTMLButtonElement;
    expect(more.textContent?.trim()).toBe('Show more');
    more.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(cells(element)).toEqual([
      ['Ana', 'yes'],
      ['Ben', 'no'],
    ]);
    expect(
      Array.from(element.querySelectorAll('tbody tr')).map((row) =>
        row.classList.contains('data-table__flagged'),
      ),
    ).toEqual([true, false]);
    expect(element.querySelector('button')).toBeNull();
  });

  it('says so when nothing matches, and why a load failed', async () => {
    const empty = await render([async () => ({ items: [], nextCursor: null })]);
    expect(empty.element.querySelector('[role="status"] h2')?.textContent?.trim()).toBe('Nobody here');
    expect(empty.element.querySelector('table')).toBeNull();

    const failed = await render([
      async () => {
        throw new Error('offline');
      },
    ]);
    expect(failed.element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Could not load: offline',
    );
  });
});
