import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { choicesOf, SelectFieldComponent } from './select-field.component';

@Component({
  imports: [SelectFieldComponent],
  template: `<rp-select-field label="Status" [control]="status" [choices]="choices" emptyLabel="Any" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly status = new FormControl<'open' | 'resolved' | ''>('resolved', { nonNullable: true });
  readonly choices = choicesOf(['open', 'resolved'] as const, { open: 'Open' });
}

describe('SelectFieldComponent', () => {
  it('lists "Any" then each choice in its words, and keeps the control in step both ways', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('mat-label')?.textContent?.trim()).toBe('Status');
    expect(element.querySelector('.mat-mdc-select-value')?.textContent?.trim()).toBe('resolved');

    (element.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    fixture.detectChanges();
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map((option) => option.textContent?.trim())).toEqual(['Any', 'Open', 'resolved']);
    options[1]?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(fixture.componentInstance.status.value).toBe('open');
  });

  it('names each value in its own words, or as itself', () => {
    expect(choicesOf(['a', 'b'] as const, { b: 'Bee' })).toEqual([
      { value: 'a', label: 'a' },
      { value: 'b', label: 'Bee' },
    ]);
  });
});
