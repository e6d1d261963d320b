import { IsOptionalNotNull } from '../../errors/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PreviewTemplateRequest, SaveTemplateRequest } from '@rapport/domain';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class SaveTemplateDto implements SaveTemplateRequest {
  @ApiProperty({ description: 'Liquid; plain text' })
  @MaxLength(300)
  @MinLength(1)
  @IsString()
  subject: string;

  @ApiProperty({ description: 'MJML with Liquid variables' })
  @MaxLength(100_000)
  @MinLength(1)
  @IsString()
  body: string;
}

export class PreviewTemplateDto extends SaveTemplateDto implements PreviewTemplateRequest {
  @ApiPropertyOptional({ description: 'Render for this customer and their latest order' })
  @IsUUID('all', { message: 'must be a UUID' })
  @IsOptionalNotNull()
  customerId?: string;
}
