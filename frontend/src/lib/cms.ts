import type { TypedDocumentString } from "@/graphql/generated/graphql";

export const DEFAULT_CMS_GRAPHQL_URL = "http://127.0.0.1:8000/graphql/";

export function cmsGraphqlUrl(): string {
  return process.env.CMS_GRAPHQL_URL || DEFAULT_CMS_GRAPHQL_URL;
}

/** The CMS could not be reached at all (refused, timed out): 503. */
export class CmsUnavailableError extends Error {
  override name = "CmsUnavailableError";
}

/** The CMS answered, but not with data (HTTP or GraphQL errors): 502. */
export class CmsBadResponseError extends Error {
  override name = "CmsBadResponseError";
}

export type CmsError = CmsUnavailableError | CmsBadResponseError;

export function isCmsError(error: unknown): error is CmsError {
  return error instanceof CmsUnavailableError || error instanceof CmsBadResponseError;
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: { message: string }[];
}

interface QueryOptions {
  /** Cache tags, so a publish in the CMS can drop exactly this answer. */
  tags?: string[];
  timeoutMs?: number;
  /** Never cached, by Next.js or anyone: drafts behind a preview token. */
  noStore?: boolean;
}

/**
 * Send one of the frontend's operations to the CMS.
 *
 * Answers are cached by Next.js for a short time and tagged; a GraphQL error
 * is never half-rendered: it raises, and the route turns it into an error
 * page with a 502.
 */
export async function cmsQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  { tags = [], timeoutMs = 10_000, noStore = false }: QueryOptions = {},
): Promise<TResult> {
  const operationName = /(?:query|mutation)\s+(\w+)/.exec(document.toString())?.[1];
  let response: Response;
  try {
    response = await fetch(cmsGraphqlUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: document.toString(), variables, operationName }),
      signal: AbortSignal.timeout(timeoutMs),
      ...(noStore ? { cache: "no-store" as const } : { next: { revalidate: 60, tags: ["cms", ...tags] } }),
    });
  } catch (error) {
    throw new CmsUnavailableError(
      `The CMS at ${cmsGraphqlUrl()} could not be reached (${(error as Error).message}).`,
    );
  }
  let body: GraphqlResponse<TResult>;
  try {
    body = (await response.json()) as GraphqlResponse<TResult>;
  } catch {
    throw new CmsBadResponseError(
      `The CMS answered ${operationName} with HTTP ${response.status} and no JSON.`,
    );
  }
  if (body.errors?.length || !body.data) {
    const messages = body.errors?.map((e) => e.message).join("; ") ?? "no data";
    throw new CmsBadResponseError(
      `The CMS answered ${operationName} with HTTP ${response.status}: ${messages}`,
    );
  }
  return body.data;
}
