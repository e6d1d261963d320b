import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CreateBusinessRequest,
  DeleteBusinessRequest,
  SignUpRequest,
  SwitchBusinessRequest,
  UpdateBusinessRequest,
} from '@rapport/domain';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCountryCode, IsTimeZone } from '../../errors/validators';

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

export class UpdateBusinessDto implements UpdateBusinessRequest {
  @ApiPropertyOptional()
  @Length(1, 120)
  @IsString()
  @IsOptional()
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @IsTimeZone()
  @IsOptional()
  timeZone?: string;

  @ApiPropertyOptional({ enum: ['en', 'es', 'fr', 'de'] })
  @IsIn(['en', 'es', 'fr', 'de'], { message: 'must be one of en, es, fr, de' })
  @IsOptional()
  locale?: string;

  @ApiPropertyOptional({ example: 'GB' })
  @IsCountryCode()
  @IsOptional()
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
}

export class DeleteBusinessDto implements DeleteBusinessRequest {
  @ApiProperty({ description: "The business's name, typed again" })
  @MaxLength(120)
  @IsString()
  confirmName: string;
}

export class SwitchBusinessDto implements SwitchBusinessRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a UUID' })
  tenantId: string;
}
