import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { TextFieldComponent } from './text-field.component';

@Component({
  imports: [TextFieldComponent],
  template: `
    <rp-text-field label="Wait" type="number" [control]="wait" [min]="0" />
    <rp-text-field
      label="Tags"
      [control]="tags"
      placeholder="vip, local"
      hint="Separated by commas"
      required
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly wait = new FormControl(1, { nonNullable: true });
  readonly tags = new FormControl('', { nonNullable: true });
}

describe('TextFieldComponent', () => {
  function render() {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const [wait, tags] = Array.from(element.querySelectorAll('input'));
    return { fixture, element, wait: wait as HTMLInputElement, tags: tags as HTMLInputElement };
  }

  it('gives a number field numbers and a text field its words', () => {
    const { fixture, wait, tags } = render();
    expect([wait.type, wait.value, wait.getAttribute('min')]).toEqual(['number', '1', '0']);
    wait.value = '3';
    wait.dispatchEvent(new Event('input'));
    tags.value = 'vip';
    tags.dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.wait.value).toBe(3);
    expect(fixture.componentInstance.tags.value).toBe('vip');
  });

  it('shows its label, placeholder, hint and whether it is required', () => {
    const { element, tags } = render();
    expect(
      Array.from(element.querySelectorAll('mat-label')).map((label) => label.textContent?.trim()),
    ).toEqual(['Wait', 'Tags']);
    expect([tags.placeholder, tags.required]).toEqual(['vip, local', true]);
    expect(element.querySelector('mat-hint')?.textContent?.trim()).toBe('Separated by commas');
  });
});
