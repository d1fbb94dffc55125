// @vitest-environment node
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const dropped = vi.hoisted(() => ({ tags: [] as [string, unknown][], paths: [] as string[] }));
vi.mock("next/cache", () => ({
  revalidateTag: (tag: string, profile: unknown) => void dropped.tags.push([tag, profile]),
  revalidatePath: (path: string) => void dropped.paths.push(path),
}));

const { POST } = await import("./route");

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const OTHER_SECRET = "whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldA==";

/** The contract's example event (docs/frontend.md). */
const EVENT = {
  type: "page.published",
  timestamp: "2026-12-01T17:30:00.123456+00:00",
  data: {
    object: {
      type: "content.causepage",
      id: 42,
      locale: "en",
      slug: "chromosomal-abnormalities",
      urls: { en: "/causes/embryonic/chromosomal-abnormalities/", de: "/de/ursachen/embryonal/chromosomale-anomalien/" },
    },
    revision: 311,
    invalidates: {
      tags: ["page-42", "page-40", "page-77"],
      urls: [
        "/causes/embryonic/chromosomal-abnormalities/",
        "/causes/embryonic/",
        "/de/ursachen/embryonal/chromosomale-anomalien/",
      ],
    },
  },
};

function signed(body: string, { secret = SECRET, at = new Date(), id = "msg_1" } = {}): Request {
  const signature = new Webhook(secret).sign(id, at, body);
  return new Request("http://127.0.0.1:3000/api/revalidate", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    },
    body,
  });
}

beforeEach(() => {
  vi.stubEnv("FRONTEND_REVALIDATE_SECRET", SECRET);
  dropped.tags.length = 0;
  dropped.paths.length = 0;
});

afterEach(() => vi.unstubAllEnvs());

describe("POST /api/revalidate", () => {
  it("drops the event's tags at once and its pages, and says which", async () => {
    const response = await POST(signed(JSON.stringify(EVENT)));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      revalidated: { tags: EVENT.data.invalidates.tags, paths: EVENT.data.invalidates.urls },
    });
    // expire: 0, so the next reader gets the new version, not a stale one.
    expect(dropped.tags).toEqual(EVENT.data.invalidates.tags.map((t) => [t, { expire: 0 }]));
    expect(dropped.paths).toEqual(EVENT.data.invalidates.urls);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("drops the site chrome on a snippet or setting change", async () => {
    const event = {
      type: "setting.changed",
      timestamp: EVENT.timestamp,
      data: { object: { type: "content.sitechrome", id: 1, urls: {} }, revision: null, invalidates: { tags: ["chrome"], urls: [] } },
    };
    const response = await POST(signed(JSON.stringify(event)));
    expect(response.status).toBe(200);
    expect(dropped.tags).toEqual([["chrome", { expire: 0 }]]);
    expect(dropped.paths).toEqual([]);
  });

  it("drops everything fetched from the CMS when an image or another change of unknown reach was purged", async () => {
    const event = {
      type: "cdn.purge",
      timestamp: EVENT.timestamp,
      data: { changed: [{ type: "wagtailimages.image", id: 5 }], invalidates: { tags: ["image-5", "images"], urls: [] } },
    };
    const response = await POST(signed(JSON.stringify(event)));
    expect(response.status).toBe(200);
    expect(dropped.tags).toEqual([["cms", { expire: 0 }]]);
  });

  it("drops only the pages a translator's saved work reaches", async () => {
    const event = {
      type: "cdn.purge",
      timestamp: EVENT.timestamp,
      data: { changed: [], invalidates: { tags: ["page-42", "page-90"], urls: [] } },
    };
    await POST(signed(JSON.stringify(event)));
    expect(dropped.tags).toEqual([
      ["page-42", { expire: 0 }],
      ["page-90", { expire: 0 }],
    ]);
  });

  it("accepts the signature list of a secret rotation when one of them is ours", async () => {
    const body = JSON.stringify(EVENT);
    const at = new Date();
    const ours = new Webhook(SECRET).sign("msg_2", at, body);
    const theirs = new Webhook(OTHER_SECRET).sign("msg_2", at, body);
    const request = signed(body, { at, id: "msg_2" });
    request.headers.set("webhook-signature", `${theirs} ${ours}`);
    expect((await POST(request)).status).toBe(200);
  });

  it("accepts an event signed with either secret while the secret is rotated", async () => {
    vi.stubEnv("FRONTEND_REVALIDATE_SECRET", `${SECRET} ${OTHER_SECRET}`);
    expect((await POST(signed(JSON.stringify(EVENT), { secret: OTHER_SECRET }))).status).toBe(200);
    expect((await POST(signed(JSON.stringify(EVENT), { secret: SECRET }))).status).toBe(200);
    const third = "whsec_dGhpcmQtc2VjcmV0LW5vdC1jb25maWd1cmVk";
    expect((await POST(signed(JSON.stringify(EVENT), { secret: third }))).status).toBe(401);
  });

  it("refuses a forged signature with 401 and drops nothing", async () => {
    const response = await POST(signed(JSON.stringify(EVENT), { secret: OTHER_SECRET }));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/Signature refused/);
    expect(dropped.tags).toEqual([]);
    expect(dropped.paths).toEqual([]);
  });

  it("refuses a body changed after signing with 401", async () => {
    const request = signed(JSON.stringify(EVENT));
    const tampered = new Request(request, { body: JSON.stringify({ ...EVENT, type: "page.deleted" }) });
    expect((await POST(tampered)).status).toBe(401);
    expect(dropped.tags).toEqual([]);
  });

  it("refuses an expired event with 401 (more than 5 minutes old)", async () => {
    const response = await POST(signed(JSON.stringify(EVENT), { at: new Date(Date.now() - 6 * 60_000) }));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/too old/);
    expect(dropped.tags).toEqual([]);
  });

  it("refuses a request without signature headers with 401", async () => {
    const response = await POST(
      new Request("http://127.0.0.1:3000/api/revalidate", { method: "POST", body: JSON.stringify(EVENT) }),
    );
    expect(response.status).toBe(401);
    expect(dropped.tags).toEqual([]);
  });

  it.each([
    ["not JSON", "page-42 please"],
    ["not an object", JSON.stringify(["page-42"])],
    ["no type", JSON.stringify({ ...EVENT, type: undefined })],
    ["no invalidates", JSON.stringify({ ...EVENT, data: { object: EVENT.data.object } })],
    ["tags not a list", JSON.stringify({ ...EVENT, data: { invalidates: { tags: "page-42", urls: [] } } })],
    ["a tag that is no tag", JSON.stringify({ ...EVENT, data: { invalidates: { tags: ["page 42"], urls: [] } } })],
    ["a url elsewhere", JSON.stringify({ ...EVENT, data: { invalidates: { tags: [], urls: ["https://example.org/"] } } })],
    ["a url of another host", JSON.stringify({ ...EVENT, data: { invalidates: { tags: [], urls: ["//example.org/"] } } })],
  ])("answers a well-signed but malformed body (%s) with 400", async (_, body) => {
    const response = await POST(signed(body));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBeTruthy();
    expect(dropped.tags).toEqual([]);
    expect(dropped.paths).toEqual([]);
  });

  it("says so, without a 500, when no secret is configured", async () => {
    vi.stubEnv("FRONTEND_REVALIDATE_SECRET", "");
    const response = await POST(signed(JSON.stringify(EVENT)));
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatch(/FRONTEND_REVALIDATE_SECRET is not set/);
    vi.stubEnv("FRONTEND_REVALIDATE_SECRET", "whsec_%%%");
    expect((await POST(signed(JSON.stringify(EVENT)))).status).toBe(503);
  });
});
