import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { REVIEW_PLATFORMS } from '@rapport/domain';
import { AcceptsForm, AnswersHtml } from '../request-policy/body-contract.decorators';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFormBody } from '../request-policy/form-body';
import { TokenLink } from '../access/access.decorators';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { renderLinkNotice } from './answer-page';
import { AnswersService } from './answers.service';

/**
 * The answer page behind an opinion request's links. Opening it (GET or HEAD, as link scanners do) records
 * nothing: the score from the email's button is only preselected. The buyer's POST records the answer; the
 * same page then asks the rest of the questions.
 */
@ApiTags('buyer pages')
@Controller('a')
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  @TokenLink(RATE_LIMITS.answerPagePerIp)
  @Get(':token')
  @AnswersHtml(200, 'The answer page, the score from the email chosen')
  @Header('cache-control', 'no-store')
  async show(
    @Param('token') token: string,
    @Query('score') score: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const page = await this.answers.page(token, typeof score === 'string' ? score : undefined, new Date());
    void reply.status(page.status).type('text/html; charset=utf-8');
    return page.html;
  }

  @TokenLink(RATE_LIMITS.answerPagePerIp)
  @Post(':token')
  // Browsers post forms in any of the three encodings; only the first can be read, the others are asked again.
  @AcceptsForm({ alsoAccepts: ['multipart/form-data', 'text/plain'], handlerAnswersProblems: true })
  @AnswersHtml(200, 'The answer recorded, and the next questions')
  @Header('cache-control', 'no-store')
  async record(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const form = isFormBody(body) && !request.bodyProblems ? body : null;
    const page = await this.answers.submit(token, form, new Date());
    void reply.status(page.status).type('text/html; charset=utf-8');
    return page.html;
  }

  /** The thank-you page's review button: a POST (never a scanner's GET) that sends the buyer on. */
  @TokenLink(RATE_LIMITS.answerPagePerIp)
  @Post(':token/review')
  @AnswersHtml(303, 'On to the review platform')
  @HttpCode(303)
  @ApiQuery({ name: 'platform', required: false, enum: REVIEW_PLATFORMS })
  async review(
    @Param('token') token: string,
    @Query('platform') platform: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const target = await this.answers.acceptReview(
      token,
      typeof platform === 'string' ? platform : undefined,
      new Date(),
    );
    if (!target) {
      void reply.status(404).type('text/html; charset=utf-8');
      return renderLinkNotice('invalid', 'en');
    }
    void reply.header('location', target);
    return '';
  }
}
