import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TokenLink } from '../auth/access.decorators';
import { escapeHtml } from '../mail/html';
import { UnsubscribeService } from './unsubscribe.service';

/**
 * The unsubscribe link of every follow-up. Opening it (GET or HEAD, as link scanners do) only shows a page
 * with a button; the unsubscribe itself is a POST, either that button or a mail client's RFC 8058 one-click
 * post (`List-Unsubscribe=One-Click`), answered 200 without a redirect.
 */
@ApiExcludeController()
@Controller('u')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @TokenLink()
  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async confirm(@Param('token') token: string): Promise<string> {
    const found = await this.unsubscribe.describe(token);
    if (!found)
      return page(
        'This link is not valid',
        '<p>It may be incomplete. Copy the whole address from the email.</p>',
      );
    if (found.isUnsubscribed) {
      return page(
        'You are unsubscribed',
        `<p>${escapeHtml(found.businessName)} will not email you again.</p>`,
      );
    }
    return page(
      `Unsubscribe from ${found.businessName}?`,
      `<p>You will get no more emails from ${escapeHtml(found.businessName)} sent through Rapport.</p>
       <form method="post"><button type="submit" style="font:inherit;padding:12px 20px;border-radius:20px;border:0;background:#006a6a;color:#fff">Unsubscribe</button></form>`,
    );
  }

  @TokenLink()
  @Post(':token')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async unsubscribeNow(@Param('token') token: string): Promise<string> {
    const businessName = await this.unsubscribe.unsubscribe(token);
    if (businessName === null) return page('This link is not valid', '<p>Nothing was changed.</p>');
    return page('You are unsubscribed', `<p>${escapeHtml(businessName)} will not email you again.</p>`);
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;max-width:480px;margin:48px auto;padding:0 16px;color:#1a1c1c">
<main><h1 style="font-size:22px">${escapeHtml(title)}</h1>${body}</main></body></html>`;
}
