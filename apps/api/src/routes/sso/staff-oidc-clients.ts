import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BackOfficeIdParamsSchema,
  CreateOidcClientRequestSchema,
  OidcClientListSchema,
  OidcClientSchema,
  OidcClientWithSecretSchema,
  RotateSigningKeyRequestSchema,
  RotateSigningKeyResultSchema,
  SigningKeyListSchema,
  SsoEmptyBodySchema,
  UpdateOidcClientRequestSchema,
} from '@portal/shared';
import { guardedRoutes } from '../../http/guarded-routes.js';
import { backOfficeErrors } from '../../http/responses.js';
import {
  createOidcClient,
  getOidcClient,
  listOidcClients,
  rotateOidcClientSecret,
  setOidcClientActive,
  updateOidcClient,
} from '../../services/sso/oidc-clients.js';
import { listSigningKeys, rotateSigningKeyAsStaff } from '../../services/sso/signing-key-admin.js';

/** 子系統管理 → 單一入口用戶端: 系統人員 register the subsystems with the OpenID provider. */
export const staffOidcClientRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = guardedRoutes(app.authenticate, { roles: ['SYSTEM_STAFF'], tags: ['staff', 'sso'], errors: backOfficeErrors });
  const deps = { prisma: app.db.prisma, seal: (plain: string) => app.oidc.box.seal(plain) };
  // A new secret is in the body: never cached anywhere on the way.
  const noStore = { 'cache-control': 'no-store' };

  app.get('/api/staff/oidc-clients', staff('單一入口用戶端：清單', { response: { 200: OidcClientListSchema } }),
    async () => listOidcClients(app.db.prisma),
  );
  app.get('/api/staff/subsystems/:id/oidc-client', staff('單一入口用戶端：檢視', { params: BackOfficeIdParamsSchema, response: { 200: OidcClientSchema } }),
    async (request) => getOidcClient(app.db.prisma, request.params.id),
  );
  app.post('/api/staff/subsystems/:id/oidc-client', staff('單一入口用戶端：建立（密鑰只顯示這一次）', { params: BackOfficeIdParamsSchema, body: CreateOidcClientRequestSchema, response: { 201: OidcClientWithSecretSchema } }),
    async (request, reply) =>
      reply.status(201).headers(noStore).send(await createOidcClient(deps, request.user.id, request.params.id, request.body, request.origin)),
  );
  app.patch('/api/staff/subsystems/:id/oidc-client', staff('單一入口用戶端：修改', { params: BackOfficeIdParamsSchema, body: UpdateOidcClientRequestSchema, response: { 200: OidcClientSchema } }),
    async (request) => updateOidcClient(deps, request.user.id, request.params.id, request.body, request.origin),
  );
  app.post('/api/staff/subsystems/:id/oidc-client/rotate-secret', staff('單一入口用戶端：更換密鑰', { params: BackOfficeIdParamsSchema, body: SsoEmptyBodySchema, response: { 200: OidcClientWithSecretSchema } }),
    async (request, reply) => reply.headers(noStore).send(await rotateOidcClientSecret(deps, request.user.id, request.params.id, request.origin)),
  );
  for (const [action, active] of [['disable', false], ['enable', true]] as const) {
    app.post(`/api/staff/subsystems/:id/oidc-client/${action}`, staff(active ? '單一入口用戶端：啟用' : '單一入口用戶端：停用', { params: BackOfficeIdParamsSchema, body: SsoEmptyBodySchema, response: { 200: OidcClientSchema } }),
      async (request) => setOidcClientActive(app.db.prisma, request.user.id, request.params.id, active, request.origin),
    );
  }

  // 單一入口簽章金鑰: the published keys, and 輪替 (NEXT → ACTIVE → RETIRED) without a restart.
  app.get('/api/staff/oidc-signing-keys', staff('單一入口簽章金鑰：清單', { response: { 200: SigningKeyListSchema } }),
    async () => listSigningKeys(app.db.prisma),
  );
  app.post('/api/staff/oidc-signing-keys/rotate', staff('單一入口簽章金鑰：輪替', { body: RotateSigningKeyRequestSchema, response: { 200: RotateSigningKeyResultSchema } }),
    async (request) => rotateSigningKeyAsStaff((alg, also) => app.oidc.rotateSigningKey(alg, also), request.user.id, request.body.alg, request.origin),
  );
};
