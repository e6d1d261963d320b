import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ConfirmSignUpRequest,
  CreateBusinessRequest,
  DeleteBusinessRequest,
  SendWindow,
  SignUpRequest,
  UpdateBusinessRequest,
} from '@rapport/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCountryCode, IsOptionalNotNull, IsTimeZone } from '../../errors/validators';

// class-validator runs the bottom decorator first: the basic type check stays last.

export class CreateBusinessDto implements CreateBusinessRequest {
  @ApiProperty({ example: 'Northwind Bakery' })
  @Length(1, 120)
  @IsString()
  name: string;

  @ApiProperty({ example: 'Europe/London' })
  @IsTimeZone()
  timeZone: string;

  @ApiProperty({ example: 'GB' })
  @IsCountryCode()
  country: string;
}

export class SignUpDto implements SignUpRequest {
  @ApiProperty({ example: 'Northwind Bakery' })
  @Length(1, 120)
  @IsString()
  businessName: string;

  @ApiProperty({ example: 'Olivia Baker' })
  @Length(1, 120)
  @IsString()
  name: string;

  @ApiProperty({ example: 'olivia@northwind.example' })
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an email address' })
  email: string;

  @ApiProperty({ minLength: 12, example: 'flour and warm ovens' })
  @MaxLength(256)
  @IsString()
  password: string;

  @ApiProperty({ example: 'Europe/London' })
  @IsTimeZone()
  timeZone: string;

  @ApiProperty({ example: 'GB' })
  @IsCountryCode()
  country: string;
}

export class ConfirmSignUpDto implements ConfirmSignUpRequest {
  @ApiProperty({ description: 'The token from the emailed link' })
  @MaxLength(100)
  @IsString()
  token: string;
}

export class SendWindowDto implements SendWindow {
  @ApiProperty({ example: '09:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time like 09:00' })
  opens: string;

  @ApiProperty({ example: '19:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time like 19:00' })
  closes: string;

  @ApiProperty({ example: [1, 2, 3, 4, 5, 6], description: 'ISO weekdays: 1 Monday ... 7 Sunday' })
  @Max(7, { each: true })
  @Min(1, { each: true })
  @IsInt({ each: true })
  @ArrayMaxSize(7)
  @IsArray()
  days: number[];
}

export class UpdateBusinessDto implements UpdateBusinessRequest {
  @ApiPropertyOptional()
  @Length(1, 120)
  @IsString()
  @IsOptionalNotNull()
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @IsTimeZone()
  @IsOptionalNotNull()
  timeZone?: string;

  @ApiPropertyOptional({ enum: ['en', 'es', 'fr', 'de'] })
  @IsIn(['en', 'es', 'fr', 'de'], { message: 'must be one of en, es, fr, de' })
  @IsOptionalNotNull()
  locale?: string;

  @ApiPropertyOptional({ example: 'GB' })
  @IsCountryCode()
  @IsOptionalNotNull()
  country?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 120,
    nullable: true,
    description: 'null keeps buyers indefinitely',
  })
  @Max(120)
  @Min(1)
  @IsInt()
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  retentionMonths?: number | null;

  @ApiPropertyOptional({ description: 'Shown as the From name of follow-ups (the business name when empty)' })
  @MaxLength(100)
  @IsString()
  @IsOptional()
  senderName?: string | null;

  @ApiPropertyOptional({ description: 'A SendGrid verified sender or an address of an authenticated domain' })
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an email address' })
  @ValidateIf((_, value) => value !== null && value !== '')
  @IsOptional()
  senderEmail?: string | null;

  @ApiPropertyOptional()
  @MaxLength(40)
  @IsString()
  @IsOptional()
  contactPhone?: string | null;

  @ApiPropertyOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an email address' })
  @ValidateIf((_, value) => value !== null && value !== '')
  @IsOptional()
  contactEmail?: string | null;

  @ApiPropertyOptional()
  @MaxLength(500)
  @IsString()
  @IsOptional()
  postalAddress?: string | null;

  @ApiPropertyOptional({ example: '#00696b' })
  @Matches(/^#[0-9a-f]{6}$/, { message: 'must be a colour like #00696b' })
  @IsOptionalNotNull()
  brandColor?: string;

  @ApiPropertyOptional({ description: 'HTTPS address of an image' })
  @MaxLength(2000)
  @Matches(/^https:\/\/\S+$/, { message: 'must be an https:// address' })
  @ValidateIf((_, value) => value !== null && value !== '')
  @IsOptional()
  logoUrl?: string | null;

  @ApiPropertyOptional({ type: SendWindowDto })
  @ValidateNested()
  @Type(() => SendWindowDto)
  @IsOptionalNotNull()
  sendWindow?: SendWindowDto;
}

export class DeleteBusinessDto implements DeleteBusinessRequest {
  @ApiProperty({ description: "The business's name, typed again" })
  @MaxLength(120)
  @IsString()
  confirmName: string;
}
