import {
  CreateOidcClientRequestSchema,
  OIDC_CLIENT_MESSAGES,
  RotateSigningKeyRequestSchema,
  signingKeyRotatedMessage,
  signingKeyStateLabels,
  UpdateOidcClientRequestSchema,
  type ErrorBody,
  type OidcClient,
  type OidcClientList,
  type OidcClientWithSecret,
  type RotateSigningKeyResult,
  type SigningKey,
  type SigningKeyList,
  type StaffSubsystem,
  type StaffSubsystemList,
} from '@portal/shared';
import { http, HttpResponse } from 'msw';

export const staffSubsystems: StaffSubsystem[] = [
  {
    id: 'b1b1b1b1-0000-4000-8000-000000000001',
    code: 'adult-preventive',
    name: '成人預防保健',
    description: '成人預防保健服務之登錄、查詢與申報。',
    url: 'http://localhost:3001/login',
    sortOrder: 1,
    active: true,
    managers: [{ accountId: '33333333-3333-4333-8333-333333333333', accountName: 'demosubadult', name: '成人預防保健管理者', status: 'ACTIVE', assignedAt: '2026-10-01T01:00:00.000Z' }],
    pendingCount: 2,
  },
  {
    id: 'b1b1b1b1-0000-4000-8000-000000000002',
    code: 'child-preventive',
    name: '兒童預防保健',
    description: '兒童預防保健服務及兒童衛教指導之登錄與查詢。',
    url: '/subsystems/child-preventive',
    sortOrder: 2,
    active: true,
    managers: [],
    pendingCount: 0,
  },
];

const ref = ({ id, code, name }: StaffSubsystem) => ({ id, code, name });

export const adultClient: OidcClient = {
  clientId: 'adult-preventive',
  subsystem: ref(staffSubsystems[0]!),
  redirectUris: ['http://localhost:3001/callback'],
  postLogoutRedirectUris: ['http://localhost:3001/logged-out'],
  backchannelLogoutUri: 'http://localhost:3001/backchannel-logout',
  tokenEndpointAuthMethod: 'client_secret_basic',
  jwks: null,
  idTokenSignedResponseAlg: 'RS256',
  allowRefreshToken: false,
  clientCredentialsScopes: [],
  active: true,
  secretRotatedAt: '2026-12-01T02:00:00.000Z',
  createdAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:00.000Z',
};

export const NEW_SECRET = 'c2VjcmV0LW9mLXRoZS10ZXN0LWNsaWVudC0wMTIzNDU2Nzg5';

const error = (status: number, body: ErrorBody) => HttpResponse.json(body, { status });
const invalid = (issues: { path: PropertyKey[]; message: string }[]) =>
  error(400, {
    code: 'VALIDATION_FAILED',
    message: '輸入的資料有誤，請檢查後再送出。',
    fieldErrors: Object.fromEntries(issues.map((issue) => [String(issue.path[0]), [issue.message]])),
  });

/**
 * 子系統管理's subsystems and their clients, kept in memory for one test: the answers follow
 * what was registered, edited, rotated or disabled. `calls` records each write with its body.
 */
export function oidcClientApi(initial: Record<string, OidcClient | null> = { [staffSubsystems[0]!.id]: adultClient }) {
  const clients = new Map(staffSubsystems.map((subsystem) => [subsystem.id, initial[subsystem.id] ?? null]));
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const subsystemOf = (id: string) => staffSubsystems.find((subsystem) => subsystem.id === id);
  const record = async (request: Request) => {
    const body = await request.json().catch(() => null);
    calls.push({ method: request.method, path: new URL(request.url).pathname, body });
    return body;
  };
  const notFound = () => error(404, { code: 'OIDC_CLIENT_NOT_FOUND', message: OIDC_CLIENT_MESSAGES.notFound });
  const withSecret = (client: OidcClient) => HttpResponse.json({ client, clientSecret: NEW_SECRET } satisfies OidcClientWithSecret);

  let keys: SigningKey[] = [
    { kid: 'rs256-old', alg: 'RS256', state: 'ACTIVE', stateLabel: signingKeyStateLabels.ACTIVE, createdAt: '2026-12-01T00:00:00.000Z', activatedAt: '2026-12-01T00:00:00.000Z', retiredAt: null },
    { kid: 'rs256-next', alg: 'RS256', state: 'NEXT', stateLabel: signingKeyStateLabels.NEXT, createdAt: '2026-12-01T00:00:00.000Z', activatedAt: null, retiredAt: null },
    { kid: 'es256-a', alg: 'ES256', state: 'ACTIVE', stateLabel: signingKeyStateLabels.ACTIVE, createdAt: '2026-12-01T00:00:00.000Z', activatedAt: '2026-12-01T00:00:00.000Z', retiredAt: null },
  ];

  const handlers = [
    http.get('*/api/staff/oidc-signing-keys', () => HttpResponse.json({ items: keys } satisfies SigningKeyList)),
    http.post('*/api/staff/oidc-signing-keys/rotate', async ({ request }) => {
      const { alg } = RotateSigningKeyRequestSchema.parse(await record(request));
      const now = '2026-12-03T09:00:00.000Z';
      const next = keys.find((key) => key.alg === alg && key.state === 'NEXT');
      const activeKid = next?.kid ?? `${alg.toLowerCase()}-new`;
      keys = [
        ...keys.map((key): SigningKey => {
          if (key.alg === alg && key.state === 'ACTIVE') return { ...key, state: 'RETIRED', stateLabel: signingKeyStateLabels.RETIRED, retiredAt: now };
          if (key.kid === activeKid) return { ...key, state: 'ACTIVE', stateLabel: signingKeyStateLabels.ACTIVE, activatedAt: now };
          return key;
        }),
        { kid: `${alg.toLowerCase()}-after`, alg, state: 'NEXT', stateLabel: signingKeyStateLabels.NEXT, createdAt: now, activatedAt: null, retiredAt: null },
      ];
      return HttpResponse.json({ message: signingKeyRotatedMessage(alg, activeKid), activeKid } satisfies RotateSigningKeyResult);
    }),
    http.get('*/api/staff/subsystems', () => HttpResponse.json({ items: staffSubsystems } satisfies StaffSubsystemList)),
    http.get('*/api/staff/oidc-clients', () =>
      HttpResponse.json({ items: staffSubsystems.map((subsystem) => ({ subsystem: ref(subsystem), client: clients.get(subsystem.id) ?? null })) } satisfies OidcClientList),
    ),
    http.post<{ id: string }>('*/api/staff/subsystems/:id/oidc-client', async ({ params, request }) => {
      const subsystem = subsystemOf(params.id);
      if (!subsystem) return notFound();
      const parsed = CreateOidcClientRequestSchema.safeParse(await record(request));
      if (!parsed.success) return invalid(parsed.error.issues);
      if (clients.get(subsystem.id)) return error(409, { code: 'OIDC_CLIENT_EXISTS', message: OIDC_CLIENT_MESSAGES.exists });
      const now = '2026-12-03T08:00:00.000Z';
      const client: OidcClient = { ...parsed.data, clientId: subsystem.code, subsystem: ref(subsystem), active: true, secretRotatedAt: now, createdAt: now, updatedAt: now };
      clients.set(subsystem.id, client);
      return HttpResponse.json({ client, clientSecret: NEW_SECRET } satisfies OidcClientWithSecret, { status: 201 });
    }),
    http.patch<{ id: string }>('*/api/staff/subsystems/:id/oidc-client', async ({ params, request }) => {
      const current = clients.get(params.id);
      if (!current) return notFound();
      const parsed = UpdateOidcClientRequestSchema.safeParse(await record(request));
      if (!parsed.success) return invalid(parsed.error.issues);
      const client = { ...current, ...parsed.data };
      clients.set(params.id, client);
      return HttpResponse.json(client);
    }),
    http.post<{ id: string }>('*/api/staff/subsystems/:id/oidc-client/rotate-secret', async ({ params, request }) => {
      await record(request);
      const current = clients.get(params.id);
      if (!current) return notFound();
      const client = { ...current, secretRotatedAt: '2026-12-03T08:30:00.000Z' };
      clients.set(params.id, client);
      return withSecret(client);
    }),
    http.post<{ id: string; action: string }>('*/api/staff/subsystems/:id/oidc-client/:action', async ({ params, request }) => {
      await record(request);
      const current = clients.get(params.id);
      if (!current) return notFound();
      const client = { ...current, active: params.action === 'enable' };
      clients.set(params.id, client);
      return HttpResponse.json(client);
    }),
  ];
  return { handlers, calls, clients };
}

/** By default 成人預防保健 has its client and 兒童預防保健 none. */
export const oidcClientHandlers = oidcClientApi().handlers;
