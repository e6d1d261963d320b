import { IsOptionalNotNull, IsPlausibleInstant } from '../../errors/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  type CaseListQuery,
  type CaseNoteRequest,
  type CaseStatus,
  type UpdateCaseRequest,
} from '@rapport/domain';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  Max,
  Min,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../database/page-query.dto';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CaseListQueryDto extends PageQueryDto implements CaseListQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES, { message: `must be one of ${CASE_STATUSES.join(', ')}` })
  @IsOptionalNotNull()
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'Only cases still to work: open or waiting for the customer' })
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  @IsOptionalNotNull()
  unresolved?: boolean;

  @ApiPropertyOptional({ description: 'Only the cases assigned to the signed-in member' })
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  @IsOptionalNotNull()
  mine?: boolean;

  @ApiPropertyOptional({ description: 'Only unresolved cases past their due time' })
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  @IsOptionalNotNull()
  overdue?: boolean;
}

export class CaseNoteDto implements CaseNoteRequest {
  @ApiProperty({ example: 'Called the buyer: the parcel was left at a neighbour.' })
  @MaxLength(10000)
  @MinLength(1)
  @IsString()
  body: string;
}

export class UpdateCaseDto implements UpdateCaseRequest {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES, { message: `must be one of ${CASE_STATUSES.join(', ')}` })
  @IsOptionalNotNull()
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'Why the case is resolved; required when resolving' })
  @MaxLength(500)
  @IsString()
  @IsOptionalNotNull()
  resolution?: string;

  @ApiPropertyOptional({ nullable: true, description: 'A member of the business, or null for nobody' })
  @IsUUID('all', { message: 'must be the id of a member' })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  assigneeId?: string | null;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 60,
    nullable: true,
    description:
      'When resolving: ask the buyer again, this many days later, whether they would now recommend the business',
  })
  @Max(60)
  @Min(1)
  @IsInt({ message: 'must be a whole number of days' })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  askAgainInDays?: number | null;
}

export class TakeCasesDto {
  @ApiProperty({ description: 'True to receive new cases in turn with the others who take them' })
  @IsBoolean({ message: 'must be true or false' })
  takesCases: boolean;
}

export class ResponseTimesQueryDto {
  @ApiPropertyOptional({ description: 'Cases opened at or after (ISO 8601); default 30 days before `to`' })
  @IsPlausibleInstant()
  @IsOptionalNotNull()
  from?: string;

  @ApiPropertyOptional({ description: 'Cases opened before (ISO 8601); default now' })
  @IsPlausibleInstant()
  @IsOptionalNotNull()
  to?: string;
}
