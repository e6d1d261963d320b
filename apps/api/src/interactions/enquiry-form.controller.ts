import { Body, Controller, Get, Header, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFormBody } from '../request-policy/form-body';
import { TokenLink } from '../access/access.decorators';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { AcceptsForm, AnswersHtml } from '../request-policy/body-contract.decorators';
import { EnquiryFormService } from './enquiry-form.service';

/**
 * A business's public enquiry form (`/api/f/<address>`): the page, and the post from it or from the
 * snippet on the business's own site. Neither needs script; showing the page records nothing.
 */
@ApiTags('enquiry form')
@Controller('f')
export class EnquiryFormController {
  constructor(private readonly forms: EnquiryFormService) {}

  @TokenLink(RATE_LIMITS.enquiryFormPerIp)
  @Get(':address')
  @AnswersHtml(200, 'The enquiry form')
  @Header('cache-control', 'no-store')
  async show(
    @Param('address') address: string,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const page = await this.forms.show(address, typeof lang === 'string' ? lang : undefined, new Date());
    void reply.status(page.status).type('text/html; charset=utf-8');
    return page.html;
  }

  @TokenLink(RATE_LIMITS.enquiryFormPerIp)
  @Post(':address')
  // Browsers post forms in any of the three encodings; only the first can be read, the others are asked again.
  @AcceptsForm({ alsoAccepts: ['multipart/form-data', 'text/plain'], handlerAnswersProblems: true })
  @AnswersHtml(200, 'Thanks, or the form again with what to fix')
  @Header('cache-control', 'no-store')
  async submit(
    @Param('address') address: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const form = isFormBody(body) && !request.bodyProblems ? body : null;
    const page = await this.forms.submit(address, form, new Date());
    void reply.status(page.status).type('text/html; charset=utf-8');
    return page.html;
  }
}
