import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ScriptDefinition, ScriptReply, ScriptRunner } from '../stores.types.js';

interface Loaded {
  lua: string;
  sha: string;
}

function isNoScript(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith('NOSCRIPT');
}

/**
 * EVALSHA first (one small round trip); on NOSCRIPT (a restarted or flushed Redis, a new replica)
 * fall back to EVAL, which also caches the script for the next EVALSHA.
 */
export function redisScripts(redis: Redis, prefix: string): ScriptRunner {
  const scripts = new Map<string, Loaded>();
  return {
    register(script: ScriptDefinition) {
      scripts.set(script.name, { lua: script.lua, sha: createHash('sha1').update(script.lua).digest('hex') });
    },
    async runScript(name, keys, args) {
      const script = scripts.get(name);
      if (!script) throw new Error(`script ${name} is not registered`);
      const fullKeys = keys.map((k) => prefix + k);
      try {
        return (await redis.evalsha(script.sha, fullKeys.length, ...fullKeys, ...args)) as ScriptReply;
      } catch (err) {
        if (!isNoScript(err)) throw err;
        return (await redis.eval(script.lua, fullKeys.length, ...fullKeys, ...args)) as ScriptReply;
      }
    },
  };
}
