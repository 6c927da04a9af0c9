import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

export interface MailTransportConfig {
  /** smtp:// or smtps://; unset writes .eml files into `${dataDir}/mail`. */
  smtpUrl?: string | undefined;
  from: string;
  dataDir: string;
}

export interface OutgoingMail {
  /** The outbox row id: becomes the Message-ID and the .eml file name. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** `20261126T042100.123Z`: ISO 8601 (basic format), so the name is valid on every file system. */
function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

function messageOf(mail: OutgoingMail, from: string, domain: string) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.id}@${domain}>`,
  };
}

function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'portal.localhost';
}

export function createMailTransport(config: MailTransportConfig): MailTransport {
  const domain = domainOf(config.from);
  if (config.smtpUrl) {
    // Bounded waits: the dispatcher's claim on a batch must outlast sending it (see dispatcher.ts).
    const transporter = nodemailer.createTransport(
      new SMTPTransport({ url: config.smtpUrl, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 30_000 }),
    );
    return {
      kind: 'smtp',
      async send(mail) {
        await transporter.sendMail(messageOf(mail, config.from, domain));
      },
      close: () => transporter.close(),
    };
  }
  // Without an SMTP server (the embedded setup), every mail is kept as a file that any mail
  // client opens, and the /dev/mail viewer shows it from the outbox.
  const directory = path.join(config.dataDir, 'mail');
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    async send(mail) {
      const info = await transporter.sendMail(messageOf(mail, config.from, domain));
      await mkdir(directory, { recursive: true });
      await writeFile(path.join(directory, `${fileTimestamp(new Date())}-${mail.id}.eml`), info.message as Buffer);
    },
    close: () => transporter.close(),
  };
}
