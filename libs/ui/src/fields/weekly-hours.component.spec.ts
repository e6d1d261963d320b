import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { WeeklyHoursComponent } from './weekly-hours.component';

@Component({
  imports: [WeeklyHoursComponent],
  template: `<rp-weekly-hours daysLabel="Working days" [opens]="opens" [closes]="closes" [days]="days" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly opens = new FormControl('09:00', { nonNullable: true });
  readonly closes = new FormControl('17:00', { nonNullable: true });
  readonly days = new FormControl<number[]>([1, 2], { nonNullable: true });
}

describe('WeeklyHoursComponent', () => {
  it('shows the times and days of its controls, also when they are filled later, and writes ticks back', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const ticked = () =>
      Array.from(element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).map(
        (box) => box.checked,
      );
    const times = Array.from(element.querySelectorAll<HTMLInputElement>('input[type="time"]'));
    expect(times.map((time) => time.value)).toEqual(['09:00', '17:00']);
    expect(ticked()).toEqual([true, true, false, false, false, false, false]);

    fixture.componentInstance.days.setValue([6, 7]);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(ticked()).toEqual([false, false, false, false, false, true, true]);

    element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[0]?.click();
    expect(fixture.componentInstance.days.value).toEqual([1, 6, 7]);
  });
});
