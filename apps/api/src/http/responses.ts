import type { FastifyRequest } from 'fastify';
import { ErrorBodySchema } from '@portal/shared';

export const errorResponses = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
};

export const originOf = (request: FastifyRequest) => ({ ip: request.ip, requestId: request.id });
