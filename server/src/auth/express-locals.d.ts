import type { ApiKeyInfo, AuthUser } from './auth.schema.js';

declare global {
  namespace Express {
    interface Locals {
      /** Set by `requireUser`. */
      user?: AuthUser;
      /** Set by `requireApiKey`. */
      apiKey?: ApiKeyInfo;
    }
  }
}
