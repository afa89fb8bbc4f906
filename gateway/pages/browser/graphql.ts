/** A GraphQL error as the gateway returns it. */
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; ruleId?: string; field?: string; [key: string]: unknown };
}

/** A GraphQL response with its HTTP status. */
export interface GraphQLResult<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

/** The gateway's GraphQL endpoint: the origin the page was served from (no other host). */
export const GRAPHQL_ENDPOINT = '/';

/** POSTs one operation to the gateway with `headers` (Authorization, X-Purpose, ...). */
export async function graphql<T>(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<GraphQLResult<T>> {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  let body: Omit<GraphQLResult<T>, 'status'>;
  try {
    body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
  } catch {
    body = { errors: [{ message: `HTTP ${response.status}` }] };
  }
  return { status: response.status, ...body };
}

/** One line per error: message and code (and rule), for people. */
export function describeErrors(errors: readonly GraphQLErrorBody[] | undefined): string {
  return (errors ?? [])
    .map((error) => {
      const code = error.extensions?.code;
      const rule = error.extensions?.ruleId;
      return `${error.message}${code ? ` [${code}${rule ? ` ${rule}` : ''}]` : ''}`;
    })
    .join('\n');
}
