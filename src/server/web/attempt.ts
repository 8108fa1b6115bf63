import { HttpError } from "../../platform/problem.ts";

/**
 * Runs a change a page asked for. An error `refusal` recognises (a rule or a field the page
 * explains to the person) becomes the result it returns for it; any other error is thrown on.
 */
export async function attempt<T, R>(run: () => Promise<T>, refusal: (error: unknown) => R | undefined): Promise<T | R> {
  try {
    return await run();
  } catch (error) {
    const refused = refusal(error);
    if (refused === undefined) throw error;
    return refused;
  }
}

/** What a page gets back when a service refused a change (an HttpError), with field errors. */
export interface Refusal {
  ok: false;
  status: number;
  code: string;
  message: string;
  errors: { path: string; message: string }[];
}

/** Runs a change for a page: `{ ok: true, ...result }`, or the service's refusal as a `Refusal`. */
export function change<T extends object>(fn: () => Promise<T>): Promise<({ ok: true } & T) | Refusal> {
  return attempt(
    async () => ({ ok: true as const, ...(await fn()) }),
    (error) =>
      error instanceof HttpError
        ? { ok: false as const, status: error.statusCode, code: error.code, message: error.message, errors: error.errors ?? [] }
        : undefined,
  );
}
