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
  errors?: { message: string; extensions?: { code?: string } }[];
}

interface QueryOptions {
  /** Cache tags besides the pages' own (`chrome` for the site chrome). */
  tags?: string[];
  timeoutMs?: number;
  /** Never cached, by Next.js or anyone: drafts behind a preview token. */
  noStore?: boolean;
}

/**
 * Whether operations are sent by their trusted-document id (the build's
 * persisted-documents.json, imported into the CMS) instead of their text:
 * `CMS_PERSISTED_DOCUMENTS=true`. Required by a CMS that runs only trusted
 * documents; a CMS that does not know an id gets the text instead.
 */
export function sendsDocumentIds(): boolean {
  return ["1", "true", "yes", "on"].includes((process.env.CMS_PERSISTED_DOCUMENTS ?? "").toLowerCase());
}

/** The document's id in the persisted-documents manifest ("sha256:..."). */
export function documentIdOf(document: { __meta__?: Record<string, unknown> }): string | undefined {
  const hash = document.__meta__?.hash;
  return typeof hash === "string" ? hash : undefined;
}

const UNKNOWN_DOCUMENT = "PERSISTED_DOCUMENT_NOT_FOUND";

/**
 * How long an answer is kept at most. Publishing drops answers at once
 * (`POST /api/revalidate`, the CMS's events); this is the safety net for
 * an event that never arrived.
 */
export const REVALIDATE_SECONDS = 3_600;

/** Next.js keeps at most 128 tags on a cached fetch. */
const MAX_TAGS = 128;

/** The cache tag of a page, as the CMS's events name it. */
export const pageTag = (id: string | number) => `page-${id}`;

/**
 * `page-<id>` for every page an answer shows: the page itself, its parent,
 * its children, its translations, related pages (objects with an id, a
 * locale and a url; references and blocks have no locale).
 */
export function pageTagsOf(data: unknown): string[] {
  const tags = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      if ((typeof record.id === "string" || typeof record.id === "number") && "locale" in record && "url" in record) {
        tags.add(pageTag(record.id));
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(data);
  return [...tags];
}

/**
 * The page tags each request's last answer had, by request body. A fetch is
 * tagged when it is sent, before its answer says which pages it shows, and
 * Next.js checks a cached answer against the tags of the fetch that reads it:
 * so a request is tagged with the pages its answer showed last time, and a
 * request not seen yet in this process goes to the CMS uncached.
 */
const pagesOfRequest = new Map<string, string[]>();

/**
 * Part of every cached request's key (Next.js keys fetches by their
 * headers too): answers cached by an earlier process of this server, whose
 * events this one never saw, are never read.
 */
const CACHE_GENERATION = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
const MAX_REMEMBERED = 5_000;

function remember(key: string, tags: string[]) {
  pagesOfRequest.delete(key);
  if (pagesOfRequest.size >= MAX_REMEMBERED) {
    const oldest = pagesOfRequest.keys().next().value;
    if (oldest !== undefined) pagesOfRequest.delete(oldest);
  }
  pagesOfRequest.set(key, tags);
}

/** Forget what answers showed (tests). */
export function forgetPageTags() {
  pagesOfRequest.clear();
}

/**
 * Send one of the frontend's operations to the CMS.
 *
 * Answers are cached by Next.js, tagged `page-<id>` for every page in them
 * (and the caller's tags), so a publishing event drops exactly the answers
 * that show the page; a GraphQL error is never half-rendered: it raises, and
 * the route turns it into an error page with a 502. With
 * `CMS_PERSISTED_DOCUMENTS`, an operation goes by id: a GET (which the CMS
 * answers with CDN cache headers), or a POST for previews, whose token never
 * goes into a URL.
 */
export async function cmsQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  { tags = [], timeoutMs = 10_000, noStore = false }: QueryOptions = {},
): Promise<TResult> {
  const operationName = /(?:query|mutation)\s+(\w+)/.exec(document.toString())?.[1];
  const documentId = sendsDocumentIds() ? documentIdOf(document) : undefined;
  const requestKey = JSON.stringify({ query: document.toString(), variables, operationName });
  const pages = noStore ? undefined : pagesOfRequest.get(requestKey);
  const allTags = ["cms", ...tags, ...(pages ?? [])];
  const cached = pages !== undefined && allTags.length <= MAX_TAGS;
  const caching = cached
    ? { next: { revalidate: REVALIDATE_SECONDS, tags: allTags } }
    : { cache: "no-store" as const };
  const headers = {
    accept: "application/json",
    ...(cached ? { "x-cache-generation": CACHE_GENERATION } : {}),
  };
  const post = (body: object) => ({
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ ...body, variables, operationName }),
  });
  const send = async (url: string, init: RequestInit): Promise<[Response, GraphqlResponse<TResult>]> => {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), ...caching });
    } catch (error) {
      throw new CmsUnavailableError(
        `The CMS at ${cmsGraphqlUrl()} could not be reached (${(error as Error).message}).`,
      );
    }
    try {
      return [response, (await response.json()) as GraphqlResponse<TResult>];
    } catch {
      throw new CmsBadResponseError(
        `The CMS answered ${operationName} with HTTP ${response.status} and no JSON.`,
      );
    }
  };

  let response: Response;
  let body: GraphqlResponse<TResult>;
  if (documentId && !noStore) {
    const url = new URL(cmsGraphqlUrl());
    url.searchParams.set("id", documentId);
    url.searchParams.set("variables", JSON.stringify(variables ?? {}));
    if (operationName) url.searchParams.set("operationName", operationName);
    [response, body] = await send(url.toString(), { method: "GET", headers });
  } else if (documentId) {
    [response, body] = await send(cmsGraphqlUrl(), post({ documentId }));
  } else {
    [response, body] = await send(cmsGraphqlUrl(), post({ query: document.toString() }));
  }
  if (documentId && body.errors?.some((e) => e.extensions?.code === UNKNOWN_DOCUMENT)) {
    // A CMS without this build's manifest: the text, as without ids.
    [response, body] = await send(cmsGraphqlUrl(), post({ query: document.toString() }));
  }
  if (body.errors?.length || !body.data) {
    const messages = body.errors?.map((e) => e.message).join("; ") ?? "no data";
    throw new CmsBadResponseError(
      `The CMS answered ${operationName} with HTTP ${response.status}: ${messages}`,
    );
  }
  if (!noStore) remember(requestKey, pageTagsOf(body.data));
  return body.data;
}
