import { Client } from '@sendgrid/client';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SenderStatusResponse } from '@rapport/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** SendGrid's sender lists change rarely; one look every few minutes is plenty. */
const CACHE_MS = 5 * 60_000;

interface SenderLists {
  verifiedSenders: string[];
  authenticatedDomains: string[];
}

/**
 * Whether SendGrid will send from an address: it must be a verified single sender, or belong to a domain
 * authenticated in the account. Read from SendGrid's sender APIs and kept a few minutes.
 */
@Injectable()
export class SenderStatus {
  private readonly logger = new Logger(SenderStatus.name);
  private readonly client: Client | null;
  private cached: { at: number; lists: SenderLists } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (!config.mail.sendGridApiKey) {
      this.client = null;
      return;
    }
    this.client = new Client();
    this.client.setApiKey(config.mail.sendGridApiKey);
    // As for sending: the base URL is set after the key, which resets it.
    this.client.setDefaultRequest('baseUrl', config.mail.sendGridBaseUrl);
  }

  async of(senderEmail: string | null): Promise<SenderStatusResponse> {
    const address = (senderEmail ?? this.config.mail.from.replace(/^.*<|>.*$/g, '')).trim().toLowerCase();
    if (!this.client) {
      return {
        senderEmail: address,
        state: 'not-needed',
        explanation:
          'No email provider is configured: emails stay in the development mailbox, so any address will do for now.',
      };
    }
    let lists: SenderLists;
    try {
      lists = await this.lists();
    } catch (error) {
      this.logger.warn({ err: error }, 'Reading SendGrid senders failed');
      return {
        senderEmail: address,
        state: 'unknown',
        explanation: 'SendGrid could not be asked right now; the state shows again when it answers.',
      };
    }
    const domain = address.split('@')[1] ?? '';
    if (lists.verifiedSenders.includes(address))
      return {
        senderEmail: address,
        state: 'verified-sender',
        explanation: `${address} is a verified sender in SendGrid: follow-ups go out from it.`,
      };
    if (lists.authenticatedDomains.some((item) => domain === item || domain.endsWith(`.${item}`)))
      return {
        senderEmail: address,
        state: 'authenticated-domain',
        explanation: `${domain} is authenticated in SendGrid: any address of it can send, with the best deliverability.`,
      };
    return {
      senderEmail: address,
      state: 'not-verified',
      explanation: `SendGrid will refuse to send from ${address}: verify it as a single sender, or authenticate ${domain || 'its domain'} (better for deliverability), in SendGrid's Sender Authentication settings.`,
    };
  }

  private async lists(): Promise<SenderLists> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.lists;
    const client = this.client as Client;
    const [, senders] = await client.request({ method: 'GET', url: '/v3/verified_senders' });
    const [, domains] = await client.request({ method: 'GET', url: '/v3/whitelabel/domains' });
    const lists: SenderLists = {
      verifiedSenders: ((senders as { results?: { from_email: string; verified: boolean }[] }).results ?? [])
        .filter((sender) => sender.verified)
        .map((sender) => sender.from_email.toLowerCase()),
      authenticatedDomains: ((domains as { domain: string; valid: boolean }[]) ?? [])
        .filter((domain) => domain.valid)
        .map((domain) => domain.domain.toLowerCase()),
    };
    this.cached = { at: Date.now(), lists };
    return lists;
  }
}
