import { ApiProperty } from '@nestjs/swagger';
import type {
  ChangePasswordRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
} from '@rapport/domain';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty()
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an email address' })
  email: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty({ description: 'The token from the emailed link' })
  @MaxLength(100)
  @IsString()
  token: string;

  @ApiProperty({ minLength: 12 })
  @MaxLength(256)
  @IsString()
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @MaxLength(1024)
  @MinLength(1, { message: 'is required' })
  @IsString({ message: 'is required' })
  currentPassword: string;

  @ApiProperty({ minLength: 12 })
  @MaxLength(256)
  @IsString()
  newPassword: string;
}
