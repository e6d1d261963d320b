import { IsOptionalNotNull } from '../../errors/validators';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  AUTOMATION_TRIGGERS,
  type AutomationRule,
  RULE_KIND_TRIGGERS,
  type AutomationConditions,
  type AutomationTrigger,
  type CreateAutomationRequest,
  DELAY_UNITS,
  DELIVERY_HEALTH_DAYS,
  type DeliveryHealthDays,
  type DelayUnit,
  MESSAGE_STATUSES,
  type MessageListQuery,
  type MessageStatus,
  type SendNowRequest,
  type UpdateAutomationRequest,
} from '@rapport/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../database/page-query.dto';

const RULE_KINDS = Object.keys(RULE_KIND_TRIGGERS) as AutomationRule['kind'][];

export class AutomationDelayDto {
  @ApiProperty({ minimum: 0 })
  @Max(525_600)
  @Min(0)
  @IsInt()
  amount: number;

  @ApiProperty({ enum: DELAY_UNITS })
  @IsIn(DELAY_UNITS, { message: `must be one of ${DELAY_UNITS.join(', ')}` })
  unit: DelayUnit;
}

export class CreateAutomationDto implements CreateAutomationRequest {
  @ApiProperty({ example: 'Thank you for a repeat order' })
  @MaxLength(120)
  @MinLength(1)
  @IsString()
  name: string;

  @ApiProperty({ enum: AUTOMATION_TRIGGERS })
  @IsIn(AUTOMATION_TRIGGERS, { message: `must be one of ${AUTOMATION_TRIGGERS.join(', ')}` })
  trigger: AutomationTrigger;

  @ApiProperty({ type: AutomationDelayDto })
  @ValidateNested()
  @Type(() => AutomationDelayDto)
  delay: AutomationDelayDto;

  @ApiProperty({
    enum: RULE_KINDS,
    description:
      'What the rule sends: a thank-you or an opinion request after an order; a thank-you for an enquiry, a follow-up of a quote, thanks for a visit or a note after a missed appointment',
  })
  @IsIn(RULE_KINDS, { message: `must be one of ${RULE_KINDS.join(', ')}` })
  kind: AutomationRule['kind'];

  @ApiPropertyOptional({ minimum: 1, maximum: 365, nullable: true })
  @Max(365)
  @Min(1)
  @IsInt()
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  fallbackAfterPlacedDays?: number | null;

  @ApiPropertyOptional({
    description:
      'orderNumber (first|repeat), productNames, minTotal, maxTotal, tags, locales; every one set must hold',
  })
  @IsObject()
  @IsOptionalNotNull()
  conditions?: AutomationConditions;

  @ApiPropertyOptional({
    nullable: true,
    description: 'The survey an opinion request carries; null for none',
  })
  @IsUUID('all', { message: 'must be the id of a survey' })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  surveyId?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsBoolean()
  @IsOptionalNotNull()
  isEnabled?: boolean;

  @ApiPropertyOptional({
    description:
      "An enquiry's or a quote's rule: stop once the person becomes a customer (first order or completed job)",
  })
  @IsBoolean()
  @IsOptionalNotNull()
  stopsWhenCustomer?: boolean;
}

/** Any of a rule's fields but its kind (what a rule sends is fixed once made), each validated as on creation. */
export class UpdateAutomationDto
  extends PartialType(OmitType(CreateAutomationDto, ['kind'] as const), { skipNullProperties: false })
  implements UpdateAutomationRequest {}

export class MessageListQueryDto extends PageQueryDto implements MessageListQuery {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsIn(MESSAGE_STATUSES, { message: `must be one of ${MESSAGE_STATUSES.join(', ')}` })
  @IsOptionalNotNull()
  status?: MessageStatus;

  @ApiPropertyOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  @IsOptionalNotNull()
  customerId?: string;

  @ApiPropertyOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  @IsOptionalNotNull()
  automationId?: string;
}

export class DeliveryHealthQueryDto {
  @ApiPropertyOptional({
    enum: DELIVERY_HEALTH_DAYS,
    default: 30,
    description: 'The last 7 or 30 local days',
  })
  @IsIn(DELIVERY_HEALTH_DAYS, { message: `must be one of ${DELIVERY_HEALTH_DAYS.join(', ')}` })
  @Type(() => Number)
  @IsOptionalNotNull()
  days?: DeliveryHealthDays;
}

export class SendNowDto implements SendNowRequest {
  @ApiProperty({ type: [String], description: 'Up to 200 customer ids' })
  @IsUUID('all', { each: true, message: 'must be a list of customer ids' })
  @ArrayMaxSize(200, { message: 'must name at most 200 customers' })
  @ArrayMinSize(1, { message: 'must name at least one customer' })
  @IsArray()
  customerIds: string[];
}
