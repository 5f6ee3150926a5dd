// A small pscale stand-in for tests: the calls a workflow step makes after the action has run
// (`pscale branch create`, `pscale deploy-request create`, ...), authenticated the way pscale
// authenticates. fromEnv() reads exactly the variables pscale reads (every flag from env with the
// PLANETSCALE_ prefix, "-" as "_": https://github.com/planetscale/cli/blob/main/internal/cmd/root.go),
// so a test that builds it from the job's env proves the action exported what pscale needs, and
// nothing else.

export interface PscaleCredentials {
  apiUrl: string;
  org: string;
  /** Service token pair, sent as "Authorization: <id>:<token>" (serviceTokenTransport in
   * https://github.com/planetscale/cli/blob/main/internal/planetscale/client.go). */
  id: string;
  token: string;
}

/**
 * A reply body as tests read it: one loose shape for an error, a resource (token, branch, deploy
 * request, review, grant) or a list of them, naming the fields tests read. Not a schema: a field
 * is there only if the reply has it, which is what the tests assert, and openapi-spec.ts checks
 * the shapes against the spec. A body that is not JSON comes as its text.
 */
export interface ApiJson {
  [field: string]: unknown;
  code: string;
  message: string;
  type: string;
  id: string;
  name: string;
  display_name: string;
  token: string;
  created_at: string;
  expires_at: string | null;
  actor: ApiJson;
  actor_type: string;
  access: string;
  resource: ApiJson;
  resource_type: string;
  service_token_accesses: ApiJson[];
  data: ApiJson[];
  total_count: number;
  next_page: number | null;
  next_page_url: string;
  html_url: string;
  parent_branch: string | null;
  production: boolean;
  safe_migrations: boolean;
  ready: boolean;
  region: ApiJson | null;
  slug: string;
  number: number;
  state: string;
  branch: string;
  into_branch: string;
  approved: boolean;
  deployment: ApiJson | null;
  deployable: boolean;
}

export interface PscaleReply {
  status: number;
  json: ApiJson;
}

/** pscale's default --api-url; never called here, see assertLoopback. */
const DEFAULT_API_URL = 'https://api.planetscale.com';

export class PscaleClient {
  readonly org: string;
  readonly #apiUrl: string;
  readonly #authorization: string;

  constructor(credentials: PscaleCredentials) {
    this.#apiUrl = assertLoopback(credentials.apiUrl).replace(/\/+$/, '');
    this.org = credentials.org;
    this.#authorization = `${credentials.id}:${credentials.token}`;
  }

  /**
   * From a step's environment, as pscale reads it: PLANETSCALE_SERVICE_TOKEN_ID,
   * PLANETSCALE_SERVICE_TOKEN, PLANETSCALE_ORG, PLANETSCALE_API_URL (default api.planetscale.com,
   * which this client refuses: tests never leave 127.0.0.1). A missing variable is an error
   * naming it, as pscale would fail without it.
   */
  static fromEnv(env: Readonly<Record<string, string | undefined>>): PscaleClient {
    const read = (name: string): string => {
      const value = env[name];
      if (value === undefined || value === '') throw new Error(`pscale: ${name} is not set`);
      return value;
    };
    return new PscaleClient({
      id: read('PLANETSCALE_SERVICE_TOKEN_ID'),
      token: read('PLANETSCALE_SERVICE_TOKEN'),
      org: read('PLANETSCALE_ORG'),
      apiUrl: env['PLANETSCALE_API_URL'] || DEFAULT_API_URL,
    });
  }

  async request(method: string, path: string, body?: unknown): Promise<PscaleReply> {
    const headers: Record<string, string> = {
      authorization: this.#authorization,
      accept: 'application/json',
      'user-agent': 'pscale-test-client/1.0',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.#apiUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'error',
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json: json as ApiJson };
  }

  // --- the calls the flows make, one per pscale command -------------------------------------

  /** `pscale org list`: 200 for any valid credential, 401 otherwise (how pscale tells them apart). */
  organizations(): Promise<PscaleReply> {
    return this.request('GET', '/v1/organizations');
  }

  /** `pscale branch create DB NAME [--from PARENT]` */
  createBranch(db: string, name: string, parent?: string): Promise<PscaleReply> {
    return this.request('POST', this.#db(db, 'branches'), parent === undefined ? { name } : { name, parent_branch: parent });
  }

  /** `pscale branch show DB NAME` */
  getBranch(db: string, name: string): Promise<PscaleReply> {
    return this.request('GET', this.#db(db, 'branches', name));
  }

  /** `pscale branch list DB` */
  listBranches(db: string): Promise<PscaleReply> {
    return this.request('GET', this.#db(db, 'branches'));
  }

  /** `pscale branch delete DB NAME --force` */
  deleteBranch(db: string, name: string): Promise<PscaleReply> {
    return this.request('DELETE', this.#db(db, 'branches', name));
  }

  /** `pscale deploy-request create DB BRANCH [--into INTO] [--notes NOTES]` */
  createDeployRequest(db: string, branch: string, options: { into?: string; notes?: string } = {}): Promise<PscaleReply> {
    return this.request('POST', this.#db(db, 'deploy-requests'), {
      branch,
      into_branch: options.into ?? 'main',
      ...(options.notes === undefined ? {} : { notes: options.notes }),
    });
  }

  /** `pscale deploy-request show DB NUMBER` */
  getDeployRequest(db: string, number: number): Promise<PscaleReply> {
    return this.request('GET', this.#db(db, 'deploy-requests', String(number)));
  }

  /** `pscale deploy-request list DB` */
  listDeployRequests(db: string, query = ''): Promise<PscaleReply> {
    return this.request('GET', this.#db(db, 'deploy-requests') + query);
  }

  /** `pscale deploy-request review DB NUMBER --approve` (or a comment) */
  reviewDeployRequest(db: string, number: number, state: 'approved' | 'commented', body?: string): Promise<PscaleReply> {
    return this.request('POST', this.#db(db, 'deploy-requests', String(number), 'reviews'), {
      state,
      ...(body === undefined ? {} : { body }),
    });
  }

  /** `pscale deploy-request close DB NUMBER` */
  closeDeployRequest(db: string, number: number): Promise<PscaleReply> {
    return this.request('PATCH', this.#db(db, 'deploy-requests', String(number)), { state: 'closed' });
  }

  /** `pscale deploy-request deploy DB NUMBER` */
  deployDeployRequest(db: string, number: number): Promise<PscaleReply> {
    return this.request('POST', this.#db(db, 'deploy-requests', String(number), 'deploy'));
  }

  #db(db: string, ...rest: string[]): string {
    return ['/v1/organizations', this.org, 'databases', db, ...rest].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
  }
}

/** Tests talk to 127.0.0.1 only; a client pointed anywhere else is a broken test. */
function assertLoopback(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' && url.hostname !== '[::1]') {
    throw new Error(`pscale test client: refusing ${url.origin}; tests only talk to a fake API on 127.0.0.1`);
  }
  return apiUrl;
}
