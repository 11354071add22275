import type { E2eState } from './e2e-state.js';

const USER_LINE = /^\s*studio user\s+(\S+)\s+password\s+(\S+)\s*$/;
const KEY_LINE = /^\s*store API key \(all scopes\)\s+(\S+)\s*$/;
const URL_LINE = /^PromoStudio server on (http:\/\/\S+)\s/;

/**
 * Reads what `server/src/main.ts` prints at start (the DEMO-ONLY block and the URL line), so the
 * specs use exactly the credentials a person trying the demo would see. Null until all of it is there.
 */
export function parseStartOutput(stdout: string): E2eState | null {
  const users: E2eState['users'] = [];
  let apiKey: string | undefined;
  let baseUrl: string | undefined;
  for (const line of stdout.split('\n')) {
    const user = USER_LINE.exec(line);
    if (user) users.push({ username: user[1]!, password: user[2]!, role: roleOf(user[1]!) });
    apiKey ??= KEY_LINE.exec(line)?.[1];
    baseUrl ??= URL_LINE.exec(line)?.[1];
  }
  if (!apiKey || !baseUrl || users.length === 0) return null;
  return { baseUrl, apiKey, users };
}

/** The demo seeds one user per role, named after the role. */
function roleOf(username: string): E2eState['users'][number]['role'] {
  const roles = ['admin', 'planner', 'approver', 'analyst', 'screen'] as const;
  const role = roles.find((r) => r === username);
  if (!role) throw new Error(`unexpected demo user ${username}`);
  return role;
}
