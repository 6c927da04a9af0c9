import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssignSubsystemManagerRequestSchema,
  BackOfficeIdParamsSchema,
  StaffSubsystemListSchema,
  StaffSubsystemSchema,
  SubsystemManagerParamsSchema,
  UpdateSubsystemRequestSchema,
} from '@portal/shared';
import {
  assignSubsystemManager,
  listSubsystemsForStaff,
  removeSubsystemManager,
  updateSubsystem,
} from '../../services/back-office/staff-subsystems.js';
import { guardedRoutes } from '../../http/guarded-routes.js';
import { backOfficeErrors } from '../../http/responses.js';

export const staffSubsystemRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = guardedRoutes(app.authenticate, { roles: ['SYSTEM_STAFF'], tags: ['staff'], errors: backOfficeErrors });

  app.get('/api/staff/subsystems', staff('子系統管理：清單（含管理者）', { response: { 200: StaffSubsystemListSchema } }),
    async () => listSubsystemsForStaff(app.db.prisma),
  );
  app.patch('/api/staff/subsystems/:id', staff('子系統管理：修改', { params: BackOfficeIdParamsSchema, body: UpdateSubsystemRequestSchema, response: { 200: StaffSubsystemSchema } }),
    async (request) => updateSubsystem(app.db.prisma, request.user.id, request.params.id, request.body, request.origin),
  );
  app.post('/api/staff/subsystems/:id/managers', staff('子系統管理：指派子系統管理者', { params: BackOfficeIdParamsSchema, body: AssignSubsystemManagerRequestSchema, response: { 201: StaffSubsystemSchema } }),
    async (request, reply) =>
      reply.status(201).send(await assignSubsystemManager(app.db.prisma, request.user.id, request.params.id, request.body.accountId, request.origin)),
  );
  app.delete('/api/staff/subsystems/:id/managers/:accountId', staff('子系統管理：移除子系統管理者', { params: SubsystemManagerParamsSchema, response: { 200: StaffSubsystemSchema } }),
    async (request) => removeSubsystemManager(app.db.prisma, request.user.id, request.params.id, request.params.accountId, request.origin),
  );
};
