import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BackOfficeIdParamsSchema,
  CreateAnnouncementRequestSchema,
  PublishRequestSchema,
  StaffAnnouncementPageSchema,
  StaffAnnouncementQuerySchema,
  StaffAnnouncementSchema,
  UpdateAnnouncementRequestSchema,
} from '@portal/shared';
import {
  createAnnouncement,
  listAnnouncementsForStaff,
  transitionAnnouncement,
  updateAnnouncement,
} from '../../services/back-office/staff-announcements.js';
import { guardedRoutes } from '../../http/guarded-routes.js';
import { backOfficeErrors } from '../../http/responses.js';

export const staffAnnouncementRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = guardedRoutes(app.authenticate, { roles: ['SYSTEM_STAFF'], tags: ['staff'], errors: backOfficeErrors });

  app.get('/api/staff/announcements', staff('公告管理：清單（含草稿、已下架）', { querystring: StaffAnnouncementQuerySchema, response: { 200: StaffAnnouncementPageSchema } }),
    async (request) => listAnnouncementsForStaff(app.db.prisma, request.query),
  );
  app.post('/api/staff/announcements', staff('公告管理：新增草稿', { body: CreateAnnouncementRequestSchema, response: { 201: StaffAnnouncementSchema } }),
    async (request, reply) => reply.status(201).send(await createAnnouncement(app.db.prisma, request.user.id, request.body, request.origin)),
  );
  app.patch('/api/staff/announcements/:id', staff('公告管理：修改', { params: BackOfficeIdParamsSchema, body: UpdateAnnouncementRequestSchema, response: { 200: StaffAnnouncementSchema } }),
    async (request) => updateAnnouncement(app.db.prisma, request.user.id, request.params.id, request.body, request.origin),
  );
  app.post('/api/staff/announcements/:id/publish', staff('公告管理：發佈', { params: BackOfficeIdParamsSchema, body: PublishRequestSchema.optional(), response: { 200: StaffAnnouncementSchema } }),
    async (request) => transitionAnnouncement(app.db.prisma, request.user.id, request.params.id, 'publish', request.body?.publishedAt, request.origin),
  );
  app.post('/api/staff/announcements/:id/unpublish', staff('公告管理：下架', { params: BackOfficeIdParamsSchema, response: { 200: StaffAnnouncementSchema } }),
    async (request) => transitionAnnouncement(app.db.prisma, request.user.id, request.params.id, 'unpublish', undefined, request.origin),
  );
};
