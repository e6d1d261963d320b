import { IsOptionalNotNull, IsPlausibleInstant } from '../../errors/validators';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction, type AuditQuery } from '@rapport/domain';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../database/page-query.dto';

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsIn(AUDIT_ACTIONS, { message: `must be one of ${AUDIT_ACTIONS.join(', ')}` })
  @IsOptionalNotNull()
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'Part of the email or key name of whoever acted' })
  @MaxLength(254)
  @IsString()
  @IsOptionalNotNull()
  actor?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z' })
  @IsPlausibleInstant({ isDateTimeRequired: true })
  @IsOptionalNotNull()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z' })
  @IsPlausibleInstant({ isDateTimeRequired: true })
  @IsOptionalNotNull()
  to?: string;
}
