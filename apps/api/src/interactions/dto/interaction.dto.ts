import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AnswerEnquiryRequest,
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
  type ChangeInteractionStatusRequest,
  ENQUIRY_STATUSES,
  type EnquiryStatus,
  INTERACTION_TYPES,
  type InteractionListQuery,
  type InteractionStatus,
  type InteractionType,
  QUOTE_STATUSES,
  type QuoteStatus,
  type UpdateEnquiryFormRequest,
  type UpsertAppointmentRequest,
  type UpsertEnquiryRequest,
  type UpsertQuoteRequest,
} from '@rapport/domain';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { UpsertCustomerDto } from '../../customers/dto/customer.dto';
import { PageQueryDto } from '../../database/page-query.dto';
import { IsOptionalNotNull, IsPlausibleInstant } from '../../errors/validators';
import { AMOUNT_RULE, isAmount } from '../../orders/money';

// class-validator runs the bottom decorator first: the basic type check stays last.

const ALL_STATUSES: readonly InteractionStatus[] = [
  ...ENQUIRY_STATUSES,
  ...QUOTE_STATUSES,
  ...APPOINTMENT_STATUSES,
];

class InteractionBaseDto {
  @ApiProperty({
    example: 'ENQ-2041',
    description: 'The id in your system: sending it again updates the same one',
  })
  @Length(1, 100)
  @IsString()
  externalId: string;

  @ApiProperty({ type: UpsertCustomerDto, description: 'The person, found or added by email' })
  @ValidateNested()
  @IsObject()
  @Type(() => UpsertCustomerDto)
  contact: UpsertCustomerDto;

  @ApiPropertyOptional({
    example: '2026-12-01T09:30:00Z',
    description: 'When it happened; now when left out',
  })
  @IsPlausibleInstant({ isDateTimeRequired: true })
  @IsOptionalNotNull()
  occurredAt?: string;

  @ApiPropertyOptional({ example: 'Bathroom refit', maxLength: 200 })
  @MaxLength(200)
  @IsString()
  @IsOptionalNotNull()
  subject?: string;

  @ApiPropertyOptional({
    example: 'K7M2Q9XA',
    description: 'The code of a customer who recommended the business; an unknown code is ignored',
  })
  @MaxLength(40)
  @IsString()
  @IsOptionalNotNull()
  referralCode?: string;
}

export class UpsertEnquiryDto extends InteractionBaseDto implements UpsertEnquiryRequest {
  @ApiProperty({ example: 'Could you give me a price for refitting a small bathroom?', maxLength: 5000 })
  @Length(1, 5000)
  @IsString()
  message: string;

  @ApiPropertyOptional({ enum: ENQUIRY_STATUSES, default: 'open' })
  @IsIn(ENQUIRY_STATUSES, { message: `must be one of ${ENQUIRY_STATUSES.join(', ')}` })
  @IsOptionalNotNull()
  status?: EnquiryStatus;
}

export class UpsertQuoteDto extends InteractionBaseDto implements UpsertQuoteRequest {
  @ApiProperty({ example: '1850.00', oneOf: [{ type: 'string' }, { type: 'number' }] })
  @ValidateBy({ name: 'isAmount', validator: { validate: isAmount, defaultMessage: () => AMOUNT_RULE } })
  amount: string | number;

  @ApiProperty({ example: 'EUR' })
  @Matches(/^[A-Za-z]{3}$/, { message: 'must be a three-letter currency code such as EUR' })
  @IsString()
  currency: string;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z', nullable: true })
  @IsPlausibleInstant({ isDateTimeRequired: true })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  validUntil?: string | null;

  @ApiPropertyOptional({ enum: QUOTE_STATUSES, default: 'sent' })
  @IsIn(QUOTE_STATUSES, { message: `must be one of ${QUOTE_STATUSES.join(', ')}` })
  @IsOptionalNotNull()
  status?: QuoteStatus;

  @ApiPropertyOptional({ maxLength: 5000, description: 'A note about the quote, for staff' })
  @MaxLength(5000)
  @IsString()
  @IsOptionalNotNull()
  message?: string;
}

export class UpsertAppointmentDto extends InteractionBaseDto implements UpsertAppointmentRequest {
  @ApiProperty({ example: '2026-12-09T10:00:00Z', description: 'When the appointment or job is' })
  @IsPlausibleInstant({ isDateTimeRequired: true })
  startsAt: string;

  @ApiPropertyOptional({ enum: APPOINTMENT_STATUSES, default: 'booked' })
  @IsIn(APPOINTMENT_STATUSES, { message: `must be one of ${APPOINTMENT_STATUSES.join(', ')}` })
  @IsOptionalNotNull()
  status?: AppointmentStatus;

  @ApiPropertyOptional({ maxLength: 5000, description: 'A note about the appointment, for staff' })
  @MaxLength(5000)
  @IsString()
  @IsOptionalNotNull()
  message?: string;
}

export class ChangeInteractionStatusDto implements ChangeInteractionStatusRequest {
  @ApiProperty({ enum: ALL_STATUSES, example: 'accepted' })
  @IsIn(ALL_STATUSES, { message: `must be one of ${ALL_STATUSES.join(', ')}` })
  status: InteractionStatus;

  @ApiPropertyOptional({ example: '2026-12-04T15:00:00Z' })
  @IsPlausibleInstant({ isDateTimeRequired: true })
  @IsOptionalNotNull()
  at?: string;
}

export class AnswerEnquiryDto implements AnswerEnquiryRequest {
  @ApiProperty({ example: 'Thank you for asking! A small bathroom usually takes…', maxLength: 20000 })
  @Length(1, 20000)
  @IsString()
  text: string;
}

export class InteractionListQueryDto extends PageQueryDto implements InteractionListQuery {
  @ApiPropertyOptional({ enum: INTERACTION_TYPES })
  @IsIn(INTERACTION_TYPES, { message: `must be one of ${INTERACTION_TYPES.join(', ')}` })
  @IsOptionalNotNull()
  type?: InteractionType;

  @ApiPropertyOptional({ enum: ALL_STATUSES })
  @IsIn(ALL_STATUSES, { message: `must be one of ${ALL_STATUSES.join(', ')}` })
  @IsOptionalNotNull()
  status?: InteractionStatus;

  @ApiPropertyOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  @IsOptionalNotNull()
  customerId?: string;

  @ApiPropertyOptional({ description: 'Part of the subject, or of the name or email' })
  @MaxLength(200)
  @IsString()
  @IsOptionalNotNull()
  search?: string;
}

export class UpdateEnquiryFormDto implements UpdateEnquiryFormRequest {
  @ApiPropertyOptional()
  @IsBoolean()
  @IsOptionalNotNull()
  isEnabled?: boolean;

  @ApiPropertyOptional({ description: 'A new address: the old page and snippets stop working' })
  @IsBoolean()
  @IsOptionalNotNull()
  newAddress?: boolean;
}
