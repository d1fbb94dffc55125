import type { BodyBlockFragment } from "@/graphql/generated/graphql";

export type Block<T extends BodyBlockFragment["__typename"]> = Extract<BodyBlockFragment, { __typename: T }>;

export interface BlockContext {
  /** The reader's language, for the frontend's own words. */
  ui: string;
  /** Reference block id to its number in the page's list of references. */
  referenceNumbers: Map<string, number>;
}
