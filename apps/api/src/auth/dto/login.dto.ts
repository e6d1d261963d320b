import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@rapport/domain';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'owner@northwind.example' })
  // class-validator runs the bottom decorator first; with stopAtFirstError the basic check must be last.
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an email address' })
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @MaxLength(1024)
  @MinLength(1, { message: 'is required' })
  @IsString({ message: 'is required' })
  password: string;
}
