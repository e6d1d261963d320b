import { TestBed } from '@angular/core/testing';
import { WeekdayPickerComponent } from './weekday-picker.component';

describe('WeekdayPickerComponent', () => {
  function render(days: number[], disabled = false) {
    const fixture = TestBed.createComponent(WeekdayPickerComponent);
    fixture.componentRef.setInput('days', days);
    fixture.componentRef.setInput('label', 'Working days');
    fixture.componentRef.setInput('disabled', disabled);
    const changes: number[][] = [];
    fixture.componentInstance.daysChange.subscribe((value) => changes.push(value));
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const boxes = Array.from(element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
    return { element, boxes, changes };
  }

  it('shows Monday to Sunday with the chosen days ticked, under its label', () => {
    const { element, boxes } = render([1, 3, 7]);
    expect(element.querySelector('fieldset')?.getAttribute('aria-label')).toBe('Working days');
    const labels = Array.from(element.querySelectorAll('label')).map((label) => label.textContent?.trim());
    expect(labels).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(boxes.map((box) => box.checked)).toEqual([true, false, true, false, false, false, true]);
  });

  it('says the chosen days in order when one is ticked or unticked', () => {
    const { boxes, changes } = render([5, 1]);
    boxes[2]?.click();
    boxes[0]?.click();
    expect(changes).toEqual([[1, 3, 5], [5]]);
  });

  it('can be read but not changed', () => {
    const { boxes } = render([1], true);
    expect(boxes.every((box) => box.disabled)).toBe(true);
  });
});
