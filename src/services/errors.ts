/** An error whose message is meant for the caller (HTTP or MCP), with the HTTP status it maps to. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}
