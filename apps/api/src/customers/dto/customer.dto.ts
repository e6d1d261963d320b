import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BUYER_LOCALES,
  type BuyerLocale,
  CONSENT_BASES,
  CONTACT_KINDS,
  type ContactKind,
  type ConsentBasis,
  CUSTOMER_SORTS,
  type CustomerSort,
  type CustomerListQuery,
  NPS_BANDS,
  type NpsBand,
  SUBSCRIPTION_STATES,
  type SubscriptionState,
  type UpdateCustomerRequest,
  type UpsertCustomerRequest,
} from '@rapport/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { IsExternalIds, IsOptionalNotNull, IsTimeZone } from '../../errors/validators';
import { PageQueryDto } from '../../database/page-query.dto';

// class-validator runs the bottom decorator first: the basic type check stays last.

export class UpdateCustomerDto implements UpdateCustomerRequest {
  @ApiPropertyOptional({ example: 'Ana López' })
  @MaxLength(200)
  @IsString()
  @IsOptionalNotNull()
  name?: string;

  @ApiPropertyOptional({ example: '+34 600 000 000', nullable: true })
  @MaxLength(40)
  @IsString()
  @IsOptional()
  phone?: string | null;

  @ApiPropertyOptional({ enum: BUYER_LOCALES, nullable: true })
  @IsIn(BUYER_LOCALES, { message: `must be one of ${BUYER_LOCALES.join(', ')}` })
  @IsOptional()
  locale?: BuyerLocale | null;

  @ApiPropertyOptional({ example: 'Europe/Madrid', nullable: true })
  @IsTimeZone()
  @IsOptional()
  timeZone?: string | null;

  @ApiPropertyOptional({ example: ['vip', 'wholesale'] })
  @MaxLength(50, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(50)
  @IsArray()
  @IsOptionalNotNull()
  tags?: string[];

  @ApiPropertyOptional({ enum: CONSENT_BASES })
  @IsIn(CONSENT_BASES, { message: `must be one of ${CONSENT_BASES.join(', ')}` })
  @IsOptionalNotNull()
  consentBasis?: ConsentBasis;
}

export class UpsertCustomerDto extends UpdateCustomerDto implements UpsertCustomerRequest {
  @ApiProperty({ example: 'ana@example.com' })
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an email address' })
  email: string;

  @ApiPropertyOptional({ example: { shopify: '7310001' }, description: 'Ids of this buyer in other systems' })
  @IsExternalIds()
  @IsOptionalNotNull()
  externalIds?: Record<string, string>;
}

export class CustomerListQueryDto extends PageQueryDto implements CustomerListQuery {
  @ApiPropertyOptional({ description: 'Part of the name or email' })
  @MaxLength(200)
  @IsString()
  @IsOptionalNotNull()
  search?: string;

  @ApiPropertyOptional()
  @MaxLength(50)
  @IsString()
  @IsOptionalNotNull()
  tag?: string;

  @ApiPropertyOptional({ enum: SUBSCRIPTION_STATES })
  @IsIn(SUBSCRIPTION_STATES, { message: `must be one of ${SUBSCRIPTION_STATES.join(', ')}` })
  @IsOptionalNotNull()
  subscriptionState?: SubscriptionState;

  @ApiPropertyOptional({ description: 'Buyers who answered a follow-up at least once (false: never)' })
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  @IsOptionalNotNull()
  hasAnswered?: boolean;

  @ApiPropertyOptional({ enum: NPS_BANDS, description: "The band of the buyer's latest score" })
  @IsIn(NPS_BANDS, { message: `must be one of ${NPS_BANDS.join(', ')}` })
  @IsOptionalNotNull()
  band?: NpsBand;

  @ApiPropertyOptional({
    enum: CONTACT_KINDS,
    description: 'Prospects (no order or completed job yet) or customers',
  })
  @IsIn(CONTACT_KINDS, { message: `must be one of ${CONTACT_KINDS.join(', ')}` })
  @IsOptionalNotNull()
  kind?: ContactKind;

  @ApiPropertyOptional({
    enum: CUSTOMER_SORTS,
    default: 'newest',
    description: 'newest first, name (A to Z), last-order (most recent first), orders (most first)',
  })
  @IsIn(CUSTOMER_SORTS, { message: `must be one of ${CUSTOMER_SORTS.join(', ')}` })
  @IsOptionalNotNull()
  sort?: CustomerSort;
}
