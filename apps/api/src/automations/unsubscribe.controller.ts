import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptsFile, AnswersHtml } from '../request-policy/body-contract.decorators';
import { fillPhrase, UNSUBSCRIBE_PHRASES } from '@rapport/domain';
import { buyerPage } from '../answers/buyer-page';
import { TokenLink } from '../access/access.decorators';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { escapeHtml } from '../mail/html';
import { type UnsubscribeTarget, UnsubscribeService } from './unsubscribe.service';

/**
 * The unsubscribe link of every follow-up. Opening it (GET or HEAD, as link scanners do) only shows a page
 * with a button; the unsubscribe itself is a POST, either that button or a mail client's RFC 8058 one-click
 * post (`List-Unsubscribe=One-Click`), answered 200 without a redirect. In the buyer's language, in the
 * business's colours.
 */
@ApiTags('buyer pages')
@Controller('u')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @TokenLink(RATE_LIMITS.unsubscribePerIp)
  @Get(':token')
  @AnswersHtml(200, 'Asks the buyer to confirm')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async confirm(@Param('token') token: string): Promise<string> {
    const found = await this.unsubscribe.describe(token);
    if (!found) return invalidPage(false);
    if (found.isUnsubscribed) return donePage(found);
    const words = UNSUBSCRIBE_PHRASES[found.locale];
    const business = { business: found.brand.name };
    return buyerPage({
      title: fillPhrase(words.askTitle, business),
      body: `<p>${escapeHtml(fillPhrase(words.askBody, business))}</p><form method="post"><button type="submit">${escapeHtml(words.button)}</button></form>`,
      locale: found.locale,
      brand: found.brand,
    });
  }

  @TokenLink(RATE_LIMITS.unsubscribePerIp)
  @Post(':token')
  // Mail clients post RFC 8058's `List-Unsubscribe=One-Click` in any of these; the body is not read.
  @AcceptsFile('application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain')
  @AnswersHtml(200, 'The buyer is unsubscribed')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async unsubscribeNow(@Param('token') token: string): Promise<string> {
    const target = await this.unsubscribe.unsubscribe(token);
    return target ? donePage(target) : invalidPage(true);
  }
}

function donePage(target: UnsubscribeTarget): string {
  const words = UNSUBSCRIBE_PHRASES[target.locale];
  return buyerPage({
    title: words.doneTitle,
    body: `<p>${escapeHtml(fillPhrase(words.doneBody, { business: target.brand.name }))}</p>`,
    locale: target.locale,
    brand: target.brand,
  });
}

/** An unknown link: the business is not known either, so the page is in English and Rapport's colours. */
function invalidPage(isPost: boolean): string {
  const words = UNSUBSCRIBE_PHRASES.en;
  return buyerPage({
    title: words.invalidTitle,
    body: `<p>${escapeHtml(isPost ? words.nothingChanged : words.invalidBody)}</p>`,
    locale: 'en',
  });
}
