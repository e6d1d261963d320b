import {
  countryName,
  isCountryCode,
  isTimeZone,
  listCountries,
  listTimeZones,
  placeTimeZone,
  timeZonesOf,
} from './places';

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

  it('lists each country once, under its current code only (no UK, FX, DD, YU or CS)', () => {
    const countries = listCountries();
    const names = countries.map((country) => country.name);
    expect(new Set(names).size).toBe(names.length);
    for (const withdrawn of ['UK', 'FX', 'DD', 'YU', 'CS'])
      expect(countries.map((country) => country.code)).not.toContain(withdrawn);
    expect(countries.filter((country) => country.name === 'Serbia')).toEqual([
      { code: 'RS', name: 'Serbia' },
    ]);
  });

  it("narrows time zones to a country's own, and knows none for what is not a country", () => {
    expect(timeZonesOf('ES')).toEqual(['Africa/Ceuta', 'Atlantic/Canary', 'Europe/Madrid']);
    expect(timeZonesOf('FR')).toEqual(['Europe/Paris']);
    expect(timeZonesOf('US')).toContain('America/New_York');
    expect(timeZonesOf('XX')).toEqual([]);
  });

  it('lists time zones the validator accepts', () => {
    const zones = listTimeZones();
    expect(zones).toContain('Europe/Madrid');
    expect(zones.every(isTimeZone)).toBe(true);
  });
});

describe('placeTimeZone', () => {
  it('gives the name pickers show, whatever the letter case', () => {
    expect(placeTimeZone('europe/madrid')).toBe('Europe/Madrid');
    expect(placeTimeZone('Europe/Madrid')).toBe('Europe/Madrid');
  });

  it('refuses zones that are no place, and what is no zone', () => {
    expect(placeTimeZone('Etc/GMT+5')).toBeNull();
    expect(placeTimeZone('Mars/Olympus')).toBeNull();
    expect(placeTimeZone(42)).toBeNull();
  });
});
