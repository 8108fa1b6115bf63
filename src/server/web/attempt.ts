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
