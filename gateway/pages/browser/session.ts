/** What the page knows of the signed-in user's token. */
export interface Session {
  token: string;
  /** Claims of the token (read, not verified: the gateway verifies every request). */
  claims: { sub?: string; clientType?: string; dept?: string; personId?: string; exp?: number };
}

/** A dev sign-in request (`POST /dev/token`). */
export interface DevSignInRequest {
  client: string;
  dept?: string;
  roles?: string;
  person?: string;
  org?: string;
}

function decodeClaims(token: string): Session['claims'] {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Session['claims'];
}

/** A session from a pasted token (`Bearer ` prefix optional); throws if it is not a JWT. */
export function sessionFromToken(input: string): Session {
  const token = input.trim().replace(/^Bearer\s+/i, '');
  return { token, claims: decodeClaims(token) };
}

/** Asks the gateway's dev sign-in for a short-lived token (development mode only). */
export async function devSignIn(request: DevSignInRequest): Promise<Session> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { token?: string; errors?: { message: string }[] };
  if (!response.ok || !body.token) {
    throw new Error(body.errors?.[0]?.message ?? `sign-in failed (HTTP ${response.status})`);
  }
  return sessionFromToken(body.token);
}

/** What `GET /dev/identities` offers. */
export interface DevIdentities {
  departments: { code: string; name: string }[];
  clientTypes: string[];
  purposes: { code: string; name: string }[];
  roles: string[];
  citizens: { scenario: string; id: string; masked: string }[];
  orgs: string[];
  ttlSeconds: number;
}

/** The identities the dev sign-in offers. */
export async function devIdentities(): Promise<DevIdentities> {
  const response = await fetch('/dev/identities');
  if (!response.ok) throw new Error(`dev sign-in unavailable (HTTP ${response.status})`);
  return (await response.json()) as DevIdentities;
}
