import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateWebhookEndpointRequest,
  ENDPOINT_FORMATS,
  type EndpointFormat,
  type UpdateWebhookEndpointRequest,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '@rapport/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { IsOptionalNotNull } from '../../errors/validators';

// class-validator runs the bottom decorator first: the basic type check stays last.

const EVENTS_RULE = `must be some of ${WEBHOOK_EVENT_TYPES.join(', ')}`;

export class CreateWebhookEndpointDto implements CreateWebhookEndpointRequest {
  @ApiPropertyOptional({
    enum: ENDPOINT_FORMATS,
    default: 'json',
    description: 'json: signed events for a system; slack or teams: messages for a channel',
  })
  @IsIn(ENDPOINT_FORMATS, { message: `must be one of ${ENDPOINT_FORMATS.join(', ')}` })
  @IsOptionalNotNull()
  format?: EndpointFormat;

  @ApiProperty({ example: 'https://crm.example.com/hooks/rapport', maxLength: 2000 })
  @Length(1, 2000)
  @IsString()
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['answer.recorded', 'case.opened'] })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_RULE })
  @ArrayUnique({ message: 'must name each event once' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayMinSize(1, { message: 'must name at least one event' })
  @IsArray()
  events: WebhookEventType[];

  @ApiPropertyOptional({ example: 'Our CRM', maxLength: 200 })
  @MaxLength(200)
  @IsString()
  @IsOptionalNotNull()
  description?: string;
}

export class UpdateWebhookEndpointDto implements UpdateWebhookEndpointRequest {
  @ApiPropertyOptional({ maxLength: 2000 })
  @Length(1, 2000)
  @IsString()
  @IsOptionalNotNull()
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_RULE })
  @ArrayUnique({ message: 'must name each event once' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayMinSize(1, { message: 'must name at least one event' })
  @IsArray()
  @IsOptionalNotNull()
  events?: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: 200 })
  @MaxLength(200)
  @IsString()
  @IsOptionalNotNull()
  description?: string;

  @ApiPropertyOptional({
    description: 'false pauses deliveries; true resumes them and forgets past failures',
  })
  @IsBoolean()
  @IsOptionalNotNull()
  isActive?: boolean;
}
