import type { z } from 'zod';
import type { GraphProblem } from './graph-problem.js';

/** At most this many argument problems per node: enough to fix, not a wall of text per keystroke. */
const MAX_ISSUES_PER_NODE = 5;

/** zod issues of a node's args as `bad_args` problems naming the field. */
export function issueProblems(nodeId: string, issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): GraphProblem[] {
  return issues.slice(0, MAX_ISSUES_PER_NODE).map((issue) => {
    const field = [...prefix, ...issue.path].map(String).join('.');
    const where = field === '' ? '' : `${field}: `;
    return {
      code: 'bad_args',
      nodeId,
      ...(field === '' ? {} : { field }),
      message: { zh: `参数有误 ${where}${issue.message}`, en: `Bad parameter ${where}${issue.message}` },
    };
  });
}
