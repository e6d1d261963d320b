import { IsOptionalNotNull } from '../errors/validators';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** The keyset paging every list route takes: `cursor` from the previous page, and how many rows. */
export class PageQueryDto {
  @ApiPropertyOptional()
  @MaxLength(200)
  @IsString()
  @IsOptionalNotNull()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Max(MAX_PAGE_SIZE)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptionalNotNull()
  limit?: number;
}

/** The page size a query asks for, within bounds. */
export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}
