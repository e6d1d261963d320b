import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsOptionalNotNull } from '../errors/validators';

/** The figures of the last this many days (30 unless told). */
export class DaysQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    default: 30,
    description: 'The figures of the last this many days',
  })
  @Max(365)
  @Min(1)
  @IsInt({ message: 'must be a whole number of days' })
  @Type(() => Number)
  @IsOptionalNotNull()
  days?: number;
}
