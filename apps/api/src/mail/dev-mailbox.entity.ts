import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An email caught by the development mailbox instead of being delivered. */
@Entity({ name: 'dev_mailbox' })
export class DevMailboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'from_address', type: 'text' })
  from: string;

  @Column({ name: 'to_address', type: 'text' })
  to: string;

  @Column({ name: 'reply_to', type: 'text', nullable: true })
  replyTo: string | null;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb' })
  headers: Record<string, string>;

  @Column({ type: 'text' })
  category: string;

  /** The business that sent it (its follow-ups, its test sends); null for Rapport's own emails. */
  @Column({ name: 'sender_tenant_id', type: 'uuid', nullable: true })
  senderTenantId: string | null;
}
