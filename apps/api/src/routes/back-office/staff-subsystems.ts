import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssignSubsystemManagerRequestSchema,
  BackOfficeIdParamsSchema,
  StaffSubsystemListSchema,
  StaffSubsystemSchema,
  SubsystemManagerParamsSchema,
  UpdateSubsystemRequestSchema,
} from '@portal/shared';
import { requireRoles } from '../../plugins/auth.js';
import {
  assignSubsystemManager,
  listSubsystemsForStaff,
  removeSubsystemManager,
  updateSubsystem,
} from '../../services/back-office/staff-subsystems.js';
import { backOfficeErrors } from '../../http/responses.js';

export const staffSubsystemRoutes: FastifyPluginAsyncZod = async (app) => {
  const onRequest = [app.authenticate, requireRoles('SYSTEM_STAFF')];
  const tags = ['staff'];

  app.get(
    '/api/staff/subsystems',
    { onRequest, schema: { tags, summary: '子系統管理：清單（含管理者）', response: { 200: StaffSubsystemListSchema, ...backOfficeErrors } } },
    async () => listSubsystemsForStaff(app.db.prisma),
  );
  app.patch(
    '/api/staff/subsystems/:id',
    {
      onRequest,
      schema: { tags, summary: '子系統管理：修改', params: BackOfficeIdParamsSchema, body: UpdateSubsystemRequestSchema, response: { 200: StaffSubsystemSchema, ...backOfficeErrors } },
    },
    async (request) => updateSubsystem(app.db.prisma, request.user.id, request.params.id, request.body, request.origin),
  );
  app.post(
    '/api/staff/subsystems/:id/managers',
    {
      onRequest,
      schema: {
        tags,
        summary: '子系統管理：指派子系統管理者',
        params: BackOfficeIdParamsSchema,
        body: AssignSubsystemManagerRequestSchema,
        response: { 201: StaffSubsystemSchema, ...backOfficeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assignSubsystemManager(app.db.prisma, request.user.id, request.params.id, request.body.accountId, request.origin)),
  );
  app.delete(
    '/api/staff/subsystems/:id/managers/:accountId',
    { onRequest, schema: { tags, summary: '子系統管理：移除子系統管理者', params: SubsystemManagerParamsSchema, response: { 200: StaffSubsystemSchema, ...backOfficeErrors } } },
    async (request) => removeSubsystemManager(app.db.prisma, request.user.id, request.params.id, request.params.accountId, request.origin),
  );
};
