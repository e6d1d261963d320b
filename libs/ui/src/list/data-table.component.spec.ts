import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DataColumnDirective, DataTableComponent } from './data-table.component';

@Component({
  imports: [DataTableComponent, DataColumnDirective],
  template: `
    <rp-data-table [rows]="keys" label="API keys">
      <ng-template rpColumn="Name" let-key>{{ key }}</ng-template>
      <ng-template rpColumn="Actions" rpColumnHeaderHidden let-key
        ><button type="button">Revoke</button></ng-template
      >
    </rp-data-table>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly keys = ['shop', 'crm'];
}

describe('DataTableComponent', () => {
  it('keeps a column of buttons unnamed on screen but named for screen readers', () => {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const headers = Array.from(element.querySelectorAll('th'));
    expect(headers.map((header) => header.textContent?.trim())).toEqual(['Name', 'Actions']);
    expect(headers[1]?.querySelector('.cdk-visually-hidden')?.textContent).toBe('Actions');
    const firstRow = Array.from(element.querySelectorAll('tbody tr')[0]?.querySelectorAll('td') ?? []);
    expect(firstRow.map((cell) => [cell.getAttribute('data-label'), cell.textContent?.trim()])).toEqual([
      ['Name', 'shop'],
      [null, 'Revoke'],
    ]);
  });
});
