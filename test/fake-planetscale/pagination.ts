// The list envelope shared by every list endpoint (PlanetScale's API docs, list responses):
// {type: "list", current_page, per_page, next_page, next_page_url, prev_page, prev_page_url,
//  total_count, total_pages, data}. `page` defaults to 1; `per_page` defaults to 25 and is
// clamped to 100.

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 100;

export interface ListEnvelope<T> {
  type: 'list';
  current_page: number;
  per_page: number;
  next_page: number | null;
  next_page_url: string | null;
  prev_page: number | null;
  prev_page_url: string | null;
  total_count: number;
  total_pages: number;
  data: T[];
}

/** The absolute URL of the same request with other page/per_page values. */
export type PageUrl = (page: number, perPage: number) => string;

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}

/**
 * One page of `items`. Nonsense `page`/`per_page` values fall back to the defaults rather
 * than failing: the spec documents no error for them, and a lenient server is the safer
 * assumption for a client (it must not rely on an error to stop paging).
 */
export function paginate<T>(items: readonly T[], query: Record<string, string>, pageUrl: PageUrl): ListEnvelope<T> {
  const page = positiveInt(query['page']) ?? 1;
  const perPage = Math.min(positiveInt(query['per_page']) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const totalCount = items.length;
  // An empty list still has one (empty) page.
  const totalPages = Math.max(1, Math.ceil(totalCount / perPage));
  const nextPage = page < totalPages ? page + 1 : null;
  const prevPage = page > 1 ? Math.min(page - 1, totalPages) : null;
  return {
    type: 'list',
    current_page: page,
    per_page: perPage,
    next_page: nextPage,
    next_page_url: nextPage === null ? null : pageUrl(nextPage, perPage),
    prev_page: prevPage,
    prev_page_url: prevPage === null ? null : pageUrl(prevPage, perPage),
    total_count: totalCount,
    total_pages: totalPages,
    data: items.slice((page - 1) * perPage, page * perPage),
  };
}

/** The same envelope with its page of data mapped to JSON. */
export function mapPage<T, R>(envelope: ListEnvelope<T>, f: (item: T) => R): ListEnvelope<R> {
  return { ...envelope, data: envelope.data.map(f) };
}
