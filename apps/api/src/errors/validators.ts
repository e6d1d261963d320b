import { isCountryCode, isTimeZone } from '@rapport/domain';
import { ValidateBy } from 'class-validator';

/** An IANA time zone such as `Europe/Madrid`. */
export function IsTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: isTimeZone,
      defaultMessage: () => 'must be an IANA time zone such as Europe/Madrid',
    },
  });
}

/** An ISO 3166-1 alpha-2 country code such as `ES`. */
export function IsCountryCode(): PropertyDecorator {
  return ValidateBy({
    name: 'isCountryCode',
    validator: {
      validate: isCountryCode,
      defaultMessage: () => 'must be a two-letter country code such as ES',
    },
  });
}
