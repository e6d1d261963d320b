import { countryName, isCountryCode, isTimeZone } from './places';

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
