import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ErrorBody } from '@vigie/protocol';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';

/** Every error leaves as `{ statusCode, error, message, details? }` (CONTRACT.md); unexpected ones are logged as 500s. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, method: request.method, url: request.url }, 'unexpected error');
    }
    if (!response.headersSent) {
      response.status(body.statusCode).json(body);
    }
  }
}

function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const raw = exception.getResponse();
    const error = STATUS_CODES[statusCode] ?? 'Error';
    if (typeof raw === 'string') {
      return { statusCode, error, message: raw };
    }
    const r = raw as { message?: unknown; details?: ErrorBody['details'] };
    const message = Array.isArray(r.message)
      ? r.message.join('; ')
      : typeof r.message === 'string'
        ? r.message
        : exception.message;
    return r.details ? { statusCode, error, message, details: r.details } : { statusCode, error, message };
  }
  const status = (exception as { status?: unknown; statusCode?: unknown; type?: unknown }) ?? {};
  const statusCode = Number(status.status ?? status.statusCode);
  if (statusCode >= 400 && statusCode < 500) {
    // body-parser errors (malformed JSON, too large) carry their status.
    const message =
      status.type === 'entity.parse.failed'
        ? 'malformed JSON body'
        : String((exception as Error).message ?? 'bad request');
    return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'unexpected error' };
}
