import { IsNotBlank, IsOptionalNotNull } from '../../errors/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUYER_LOCALES, type BuyerLocale, type SurveyDefinition } from '@rapport/domain';
import { IsIn, IsObject, IsString, MaxLength } from 'class-validator';

export class SaveSurveyDto {
  @ApiProperty({ example: 'How did we do?' })
  @MaxLength(120)
  @IsNotBlank()
  @IsString()
  name: string;

  @ApiProperty({
    description: 'The questions and the thank-you message (the survey schema of libs/domain)',
    example: {
      questions: [
        { id: 'score', type: 'nps', prompt: null, prompts: { es: '¿Nos recomendarías?' }, required: true },
        {
          id: 'better',
          type: 'text',
          prompt: null,
          required: false,
          showWhen: { question: 'score', atMost: 6 },
        },
      ],
      thankYou: null,
    },
  })
  @IsObject()
  definition: SurveyDefinition;
}

export class PreviewSurveyDto {
  @ApiProperty()
  @IsObject()
  definition: SurveyDefinition;

  @ApiPropertyOptional({ enum: BUYER_LOCALES })
  @IsIn(BUYER_LOCALES)
  @IsOptionalNotNull()
  locale?: BuyerLocale;
}
