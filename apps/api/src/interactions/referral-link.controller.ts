import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { TokenLink } from '../access/access.decorators';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { AnswersHtml } from '../request-policy/body-contract.decorators';
import { EnquiryFormService } from './enquiry-form.service';

/**
 * A customer's referral link (`/api/r/<business>.<code>`), forwarded to friends: a welcome with the code
 * and the business's enquiry form, which carries the code. Opening it records nothing.
 */
@ApiTags('enquiry form')
@Controller('r')
export class ReferralLinkController {
  constructor(private readonly forms: EnquiryFormService) {}

  @TokenLink(RATE_LIMITS.enquiryFormPerIp)
  @Get(':address')
  @AnswersHtml(200, 'The welcome page of a recommendation, with the enquiry form')
  @Header('cache-control', 'no-store')
  async show(
    @Param('address') address: string,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const page = await this.forms.showReferral(
      address,
      typeof lang === 'string' ? lang : undefined,
      new Date(),
    );
    void reply.status(page.status).type('text/html; charset=utf-8');
    return page.html;
  }
}
