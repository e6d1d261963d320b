import { TestBed } from '@angular/core/testing';
import { TemplateVisualForm } from './template-visual-form';
import type { VisualFields } from './visual-fields';

const FIELDS: VisualFields = {
  subject: 'Thanks',
  greeting: 'Hi ⟦customer.first_name|there⟧,',
  paragraphs: ['Fresh bread', 'See you soon'],
  action: 'none',
  buttonLabel: '',
  buttonUrl: '',
  replyHint: '',
  signature: 'Northwind',
  footerNote: '',
  unsubscribeLabel: 'Unsubscribe',
  brandColor: '',
  textColor: '',
  logoUrl: '',
};

function render(isReadonly: boolean) {
  const fixture = TestBed.createComponent(TemplateVisualForm);
  fixture.componentRef.setInput('fields', FIELDS);
  fixture.componentRef.setInput('isReadonly', isReadonly);
  const changes: VisualFields[] = [];
  fixture.componentInstance.changed.subscribe((fields) => changes.push(fields));
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const texts = Array.from(element.querySelectorAll<HTMLInputElement>('.visual__text'));
  return { fixture, texts, changes };
}

describe('TemplateVisualForm text fields', () => {
  it("shows each block's words and writes a typed change back to its own block", () => {
    const { texts, changes } = render(false);
    expect(texts.map((text) => text.value)).toEqual([
      'Thanks',
      'Hi ⟦customer.first_name|there⟧,',
      'Fresh bread',
      'See you soon',
      'Northwind',
      '',
      'Unsubscribe',
    ]);
    const second = texts[3] as HTMLInputElement;
    second.value = 'See you soon ';
    second.dispatchEvent(new Event('input'));
    expect(changes.map((fields) => fields.paragraphs)).toEqual([['Fresh bread', 'See you soon ']]);
  });

  it('puts a chosen variable where the cursor was in the field last used', () => {
    const { fixture, texts, changes } = render(false);
    const subject = texts[0] as HTMLInputElement;
    subject.setSelectionRange(6, 6);
    subject.dispatchEvent(new Event('keyup'));
    fixture.componentInstance.insert('business.name');
    expect(changes.at(-1)?.subject).toBe('Thanks⟦business.name⟧');
  });

  it('can be read but not changed', () => {
    const { texts } = render(true);
    expect(texts.every((text) => text.readOnly)).toBe(true);
  });
});
