/**
 * E-mail through SMTP (nodemailer) when configured; without it every e-mail is written to the log in
 * full (as a warning: it was not delivered). (@payloadcms/email-nodemailer has no release matching
 * our Payload version, and Payload refuses mismatched packages; its adapter is these few lines.)
 */
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

import type { Env } from './env'

export function emailAdapter(e: Env): EmailAdapter {
  const smtp = e.smtp
  const from = { defaultFromAddress: e.mailFrom.address, defaultFromName: e.mailFrom.name }
  if (!smtp) {
    return ({ payload }) => ({
      name: 'log',
      ...from,
      sendEmail: async ({ to, subject, text }) =>
        payload.logger.warn(
          { email: { to, subject, text } },
          'e-mail not sent (no SMTP_HOST configured): written to the log',
        ),
    })
  }
  return () => {
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.port === 465,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
    })
    return {
      name: 'smtp',
      ...from,
      sendEmail: (message) =>
        transport.sendMail({ from: { address: e.mailFrom.address, name: e.mailFrom.name }, ...message }),
    }
  }
}
