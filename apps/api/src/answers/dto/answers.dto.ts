import { IsOptionalNotNull, IsPlausibleInstant } from '../../errors/validators';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ANSWER_CHANNELS,
  type AnswerChannel,
  type AnswerListQuery,
  NPS_BANDS,
  type NpsBand,
} from '@rapport/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../database/page-query.dto';

export class AnswerListQueryDto extends PageQueryDto implements AnswerListQuery {
  @ApiPropertyOptional({ enum: NPS_BANDS, description: 'promoter, passive or detractor (CSAT: 4-5, 3, 1-2)' })
  @IsIn(NPS_BANDS, { message: `must be one of ${NPS_BANDS.join(', ')}` })
  @IsOptionalNotNull()
  band?: NpsBand;

  @ApiPropertyOptional()
  @IsUUID('all', { message: 'must be an id' })
  @IsOptionalNotNull()
  surveyId?: string;

  @ApiPropertyOptional({ description: 'Answers that rated this product' })
  @MaxLength(200)
  @IsString()
  @IsOptionalNotNull()
  product?: string;

  @ApiPropertyOptional({ description: 'Answered at or after (ISO 8601)' })
  @IsPlausibleInstant()
  @IsOptionalNotNull()
  from?: string;

  @ApiPropertyOptional({ description: 'Answered before (ISO 8601)' })
  @IsPlausibleInstant()
  @IsOptionalNotNull()
  to?: string;

  @ApiPropertyOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  @IsOptionalNotNull()
  hasComment?: boolean;

  @ApiPropertyOptional({ enum: ANSWER_CHANNELS })
  @IsIn(ANSWER_CHANNELS, { message: `must be one of ${ANSWER_CHANNELS.join(', ')}` })
  @IsOptionalNotNull()
  channel?: AnswerChannel;

  @ApiPropertyOptional({ description: 'Words to find in the comments' })
  @MaxLength(200)
  @IsString()
  @IsOptionalNotNull()
  q?: string;

  @ApiPropertyOptional()
  @IsUUID('all', { message: 'must be an id' })
  @IsOptionalNotNull()
  customerId?: string;
}
