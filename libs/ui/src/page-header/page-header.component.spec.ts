import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PageHeaderComponent } from './page-header.component';

@Component({
  imports: [PageHeaderComponent],
  template: `<rp-page-header title="Customers" subtitle="Everyone who bought from you"
    ><button type="button">Import</button></rp-page-header
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {}

describe('PageHeaderComponent', () => {
  it('renders the title as the page heading, the subtitle and projected actions', () => {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent).toBe('Customers');
    expect(element.querySelector('.page-header__subtitle')?.textContent).toBe('Everyone who bought from you');
    expect(element.querySelector('.page-header__actions button')?.textContent).toBe('Import');
  });

  it('leaves the subtitle out when there is none', () => {
    const fixture = TestBed.createComponent(PageHeaderComponent);
    fixture.componentRef.setInput('title', 'Cases');
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('.page-header__subtitle')).toBeNull();
  });
});
