import type { ServerResponse } from 'node:http';
import { CLIENT_TYPES, DEPARTMENTS, PURPOSES } from '../../lib/auth/caller';
import { DEPARTMENT_NAMES } from '../../lib/auth/department-names';
import { DevIdentityError, devIdentity } from '../../lib/auth/dev-identity';
import type { DevIdentityRequest } from '../../lib/auth/dev-identity';
import { signUserToken } from '../../lib/auth/user-token';
import type { Route } from '../../lib/http/apollo-http-server';
import { sendError } from '../../lib/http/apollo-http-server';
import { HttpError } from '../../lib/http/http-error';
import { readJsonBody } from '../../lib/http/read-json-body';
import { maskIdNumber } from '../../lib/policy/maskers';
import type { DevSignInOptions } from './dev-sign-in-options';

/** Largest sign-in request body: a handful of short fields. */
const MAX_BODY_BYTES = 4096;
const DEFAULT_TTL_SECONDS = 30 * 60;

/** Paths of the dev sign-in. */
export const DEV_IDENTITIES_PATH = '/dev/identities';
export const DEV_TOKEN_PATH = '/dev/token';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function text(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 256) {
    throw new HttpError(
      400,
      `${field} must be a string of at most 256 characters`,
      'BAD_USER_INPUT',
    );
  }
  return value;
}

/** The sign-in form's fields, checked for shape (devIdentity checks meaning). */
function requestOf(body: unknown): DevIdentityRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'send a JSON object', 'BAD_USER_INPUT');
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter(
    (key) => !['client', 'dept', 'roles', 'person', 'org'].includes(key),
  );
  if (unknown.length > 0) {
    throw new HttpError(400, `unknown field ${unknown[0]}`, 'BAD_USER_INPUT');
  }
  return {
    client: text(fields.client, 'client'),
    dept: text(fields.dept, 'dept'),
    roles: text(fields.roles, 'roles'),
    person: text(fields.person, 'person'),
    org: text(fields.org, 'org'),
  };
}

/**
 * `GET /dev/identities` (what the sign-in forms offer) and `POST /dev/token` (mints a short-lived
 * user token with the dev key for `{ client, dept, roles, person, org }`) for the playground and
 * the pages. Without options (production, or tokens from an identity provider) both answer 403:
 * there, people sign in with their own tokens.
 */
export function createDevSignInRoutes(options: DevSignInOptions | undefined): {
  get: Record<string, Route>;
  post: Record<string, Route>;
} {
  const off: Route = (_req, res) =>
    sendError(
      res,
      403,
      'development sign-in is off here (production, or tokens come from an identity provider)',
      'DEV_SIGN_IN_OFF',
    );
  if (!options) return { get: { [DEV_IDENTITIES_PATH]: off }, post: { [DEV_TOKEN_PATH]: off } };
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const identities = {
    departments: DEPARTMENTS.map((code) => ({ code, name: DEPARTMENT_NAMES[code] })),
    clientTypes: CLIENT_TYPES.filter((type) => type !== 'public'),
    purposes: Object.entries(PURPOSES).map(([code, name]) => ({ code, name })),
    roles: ['officer', 'recorder', 'auditor', 'developer'],
    citizens: (options.citizens ?? []).map((citizen) => ({
      ...citizen,
      masked: maskIdNumber(citizen.id),
    })),
    orgs: options.orgs ?? [],
    ttlSeconds,
  };
  return {
    get: { [DEV_IDENTITIES_PATH]: (_req, res) => sendJson(res, 200, identities) },
    post: {
      [DEV_TOKEN_PATH]: async (req, res) => {
        const request = requestOf(await readJsonBody(req, MAX_BODY_BYTES));
        let identity;
        try {
          identity = devIdentity(request);
        } catch (error) {
          if (error instanceof DevIdentityError) {
            throw new HttpError(400, error.message, 'BAD_USER_INPUT');
          }
          throw error;
        }
        const { privateKey } = await options.keys.keyPair('user-token');
        const token = await signUserToken(identity, { key: privateKey, ttlSeconds });
        const expiresAt = new Date(Date.now() + ttlSeconds * 1000).toISOString();
        sendJson(res, 200, { token, expiresAt, identity });
      },
    },
  };
}
