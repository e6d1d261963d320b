import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormControl } from '@angular/forms';
import { TestBed } from '@angular/core/testing';
import { PlaceFieldsComponent } from './place-fields';

@Component({
  imports: [PlaceFieldsComponent],
  template: `<rp-place-fields [country]="country" [timeZone]="timeZone" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly country = new FormControl('ES', { nonNullable: true });
  readonly timeZone = new FormControl('Atlantic/Canary', { nonNullable: true });
}

describe('PlaceFieldsComponent', () => {
  function setup() {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const fields = fixture.debugElement.children[0]?.componentInstance as PlaceFieldsComponent;
    return { fixture, host: fixture.componentInstance, fields };
  }

  it("offers only the chosen country's time zones", () => {
    const { fields } = setup();
    expect(fields.timeZones()).toEqual(['Africa/Ceuta', 'Atlantic/Canary', 'Europe/Madrid']);
  });

  it('moves the time zone into a newly chosen country, keeping one that already fits', () => {
    const { fixture, host, fields } = setup();
    host.country.setValue('FR');
    fixture.detectChanges();
    expect(host.timeZone.value).toBe('Europe/Paris');
    expect(fields.timeZones()).toEqual(['Europe/Paris']);
    host.timeZone.setValue('Europe/Paris');
    host.country.setValue('FR');
    expect(host.timeZone.value).toBe('Europe/Paris');
  });

  it('keeps showing a time zone from outside the country, so the field is never blank', () => {
    const { host, fields } = setup();
    host.timeZone.setValue('UTC');
    expect(fields.timeZones()).toEqual(['UTC', 'Africa/Ceuta', 'Atlantic/Canary', 'Europe/Madrid']);
  });

  it('lists Germany once', () => {
    const { fields } = setup();
    expect(fields.countries.filter((country) => country.name === 'Germany')).toEqual([
      { code: 'DE', name: 'Germany' },
    ]);
  });
});
