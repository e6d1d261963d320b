import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationPreferencesResponse } from '@rapport/domain';
import { CurrentTenant, CurrentUser, SignedIn } from '../access/access.decorators';
import type { UserPrincipal } from '../access/principal';
import { SESSION_COOKIE } from '../auth/sessions.service';
import { UpdateNotificationPreferencesDto } from './dto/notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

/** How the signed-in member hears of what happens in their active business: theirs alone to set. */
@ApiTags('notifications')
@ApiCookieAuth(SESSION_COOKIE)
@Controller('me/notifications')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @SignedIn()
  @Get()
  get(
    @CurrentUser() user: UserPrincipal,
    @CurrentTenant() tenantId: string,
  ): Promise<NotificationPreferencesResponse> {
    return this.preferences.get(tenantId, user.userId);
  }

  /** Changes only what the body names; a kind set to null goes back to the role's default. */
  @SignedIn()
  @Put()
  update(
    @CurrentUser() user: UserPrincipal,
    @CurrentTenant() tenantId: string,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesResponse> {
    return this.preferences.update(tenantId, user.userId, body);
  }
}
