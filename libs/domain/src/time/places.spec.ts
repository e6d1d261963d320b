import { countryName, isCountryCode, isTimeZone, listCountries, listTimeZones } from './places';

describe('places', () => {
  it.each([
    ['Europe/Madrid', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    [42, false],
  ])('isTimeZone(%p) is %p', (value, expected) => {
    expect(isTimeZone(value)).toBe(expected);
  });

  it.each([
    ['ES', true],
    ['GB', true],
    ['es', false],
    ['ESP', false],
    ['QQ', false],
  ])('isCountryCode(%p) is %p', (value, expected) => {
    expect(isCountryCode(value)).toBe(expected);
  });

  it('names a country in English', () => {
    expect(countryName('DE')).toBe('Germany');
  });
});

describe('pickers', () => {
  it('lists countries by name, without groupings like the EU', () => {
    const countries = listCountries();
    expect(countries.length).toBeGreaterThan(200);
    expect(countries).toContainEqual({ code: 'ES', name: 'Spain' });
    expect(countries.map((country) => country.code)).not.toContain('EU');
    expect(countries.every((country) => isCountryCode(country.code))).toBe(true);
  });

  it('lists time zones the validator accepts', () => {
    const zones = listTimeZones();
    expect(zones).toContain('Europe/Madrid');
    expect(zones.every(isTimeZone)).toBe(true);
  });
});
