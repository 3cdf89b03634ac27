import pino from 'pino'

import { env } from './config/env'

/** One structured JSON logger for Express, Payload and the CLI. */
export const logger = pino({ level: env().logLevel, base: { service: 'hotline-kb' } })
