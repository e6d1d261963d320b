/** True for an IANA time zone the runtime knows (`Europe/Madrid`), false for anything else. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** True for an ISO 3166-1 alpha-2 country code the runtime can name (`ES`, `GB`). */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value) && REGION_NAMES.of(value) !== undefined;
}

/** The English name of a country code, or the code itself. */
export function countryName(code: string): string {
  return (isCountryCode(code) && REGION_NAMES.of(code)) || code;
}

/** Two-letter codes the runtime names that are groupings, not countries. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/** Every country the runtime can name, sorted by English name: for pickers. */
export function listCountries(): { code: string; name: string }[] {
  const countries: { code: string; name: string }[] = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      // Withdrawn codes (UK, FX, DD, YU, CS ...) have names too, those of the country that replaced them.
      const isCanonical = new Intl.Locale(`und-${code}`).region === code;
      const name = NOT_COUNTRIES.has(code) || !isCanonical ? undefined : REGION_NAMES.of(code);
      if (name) countries.push({ code, name });
    }
  }
  return countries.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every IANA time zone the runtime knows, for pickers. */
export function listTimeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

let placeZones: Set<string> | null = null;

/**
 * The name a place's time zone goes by in pickers (`europe/madrid` → `Europe/Madrid`), or null for a zone
 * that is no place's (`EST`, an offset) or none at all: what a person chooses is kept as the pickers show it.
 */
export function placeTimeZone(value: unknown): string | null {
  if (!isTimeZone(value)) return null;
  placeZones ??= new Set(listTimeZones());
  const resolved = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  return placeZones.has(resolved) ? resolved : null;
}

/**
 * The IANA time zones of a country (`ES`: Africa/Ceuta, Atlantic/Canary, Europe/Madrid), from the runtime's
 * CLDR data where it exposes them (`Intl.Locale` timeZones / getTimeZones()); empty where it does not.
 */
export function timeZonesOf(country: string): string[] {
  if (!isCountryCode(country)) return [];
  const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & {
    timeZones?: string[];
    getTimeZones?: () => string[] | undefined;
  };
  const zones = typeof locale.getTimeZones === 'function' ? locale.getTimeZones() : locale.timeZones;
  return Array.isArray(zones) ? [...zones].sort() : [];
}
