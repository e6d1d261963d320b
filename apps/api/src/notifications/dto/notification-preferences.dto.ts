import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTIFICATION_DELIVERIES,
  type NotificationDelivery,
  type UpdateNotificationPreferencesRequest,
} from '@rapport/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsOptionalNotNull, IsTimeZone } from '../../errors/validators';

const DELIVERY_RULE = `must be one of ${NOTIFICATION_DELIVERIES.join(', ')}, or null for the role's default`;

/** A choice for one kind: how it comes, or null to go back to the role's default. */
function Delivery(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ enum: NOTIFICATION_DELIVERIES, nullable: true })(target, key);
    IsIn(NOTIFICATION_DELIVERIES, { message: DELIVERY_RULE })(target, key);
    ValidateIf((_, value) => value !== null)(target, key);
    IsOptional()(target, key);
  };
}

/** One field per kind a member may hear of (an unknown kind is refused by the whitelist). */
export class NotificationChoicesDto {
  @Delivery() 'case.opened'?: NotificationDelivery | null;
  @Delivery() 'case.assigned'?: NotificationDelivery | null;
  @Delivery() 'case.due_soon'?: NotificationDelivery | null;
  @Delivery() 'case.overdue'?: NotificationDelivery | null;
  @Delivery() 'reply.received'?: NotificationDelivery | null;
  @Delivery() 'enquiry.received'?: NotificationDelivery | null;
  @Delivery() 'report.ready'?: NotificationDelivery | null;
  @Delivery() 'delivery.at_risk'?: NotificationDelivery | null;
}

export class UpdateNotificationPreferencesDto implements UpdateNotificationPreferencesRequest {
  @ApiPropertyOptional({ type: NotificationChoicesDto })
  @ValidateNested()
  @Type(() => NotificationChoicesDto)
  @IsObject({ message: 'must be an object of kinds and how each comes' })
  @IsOptionalNotNull()
  choices?: NotificationChoicesDto;

  @ApiPropertyOptional({ minimum: 0, maximum: 23, description: 'The hour of the daily summary' })
  @Max(23)
  @Min(0)
  @IsInt()
  @IsOptionalNotNull()
  summaryHour?: number;

  @ApiPropertyOptional({ nullable: true, description: "An IANA time zone, or null for the business's" })
  @IsTimeZone()
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  timeZone?: string | null;
}
