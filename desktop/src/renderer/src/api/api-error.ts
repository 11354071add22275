/** Every failed API call: `code` from the server's error shape, or `network` / `bad_response`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The request never reached the server (offline, DNS, refused): the studio keeps working locally. */
  get isNetwork(): boolean {
    return this.code === 'network';
  }
}
