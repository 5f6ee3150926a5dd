// What a service token's ID looks like. An ID from an API answer goes into request paths (with
// the minting token), so it is taken only if it has the shape of one.
//
// Every public example is a short run of lowercase letters and digits (e.g. "hnmkbklsndgi"; see
// https://api-docs.planetscale.com/reference/create-service-token and
// https://planetscale.com/docs/concepts/service-tokens). The rule is kept tolerant of a change in
// length or alphabet, yet leaves out all that can steer a path: "/", ".", "%", "?", "#", spaces.

const TOKEN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `value` can be a service token's ID. Pure. */
export function isServiceTokenId(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_ID.test(value);
}
