import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MESSAGE_STATUSES,
  type MessageListQuery,
  type MessageStatus,
  type UpdateAutomationRequest,
} from '@rapport/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class UpdateAutomationDto implements UpdateAutomationRequest {
  @ApiProperty()
  @IsBoolean()
  isEnabled: boolean;
}

export class MessageListQueryDto implements MessageListQuery {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsIn(MESSAGE_STATUSES, { message: `must be one of ${MESSAGE_STATUSES.join(', ')}` })
  @IsOptional()
  status?: MessageStatus;

  @ApiPropertyOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  @IsOptional()
  customerId?: string;

  @ApiPropertyOptional()
  @MaxLength(200)
  @IsString()
  @IsOptional()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Max(200)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  limit?: number;
}
