// `${{ }}` evaluation with GitHub's own expression engine (@actions/expressions, from
// https://github.com/actions/languageservices/tree/main/expressions). The engine has no status
// functions: success(), always(), failure() and cancelled() are given here from the caller's
// status, as the runner gives them (https://docs.github.com/actions/learn-github-actions/expressions#status-check-functions).
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';

/** What the status functions answer for the job or step being decided. */
export interface Status {
  /** Every earlier step (or every needed job) succeeded. */
  success: boolean;
  /** One of them failed. */
  failure: boolean;
}

/** Contexts by name (github, env, vars, secrets, inputs, matrix, needs, steps, job, ...), as plain JSON. */
export type Contexts = Record<string, unknown>;

const STATUS_FUNCTIONS = ['success', 'always', 'failure', 'cancelled'];

function statusFunctions(status: Status): Map<string, FunctionDefinition> {
  const answer: Record<string, boolean> = { success: status.success, always: true, failure: status.failure, cancelled: false };
  return new Map(STATUS_FUNCTIONS.map((name) => [name, { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(answer[name]!) }]));
}

/** Evaluates one expression (the text inside `${{ }}`). */
export function evaluate(expression: string, contexts: Contexts, status: Status = { success: true, failure: false }): data.ExpressionData {
  const lexed = new Lexer(expression).lex();
  const functions = statusFunctions(status);
  const parsed = new Parser(lexed.tokens, Object.keys(contexts), [...functions.values()]).parse();
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return new Evaluator(parsed, context, functions).evaluate();
}

/** An `if:` condition: the expression's truthiness. */
export function condition(expression: string, contexts: Contexts, status: Status): boolean {
  const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(expression)?.[1] ?? expression;
  return truthy(evaluate(inner, contexts, status));
}

/** A string with `${{ }}` parts, each replaced by its value as a string (as GitHub coerces it). */
export function interpolate(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => evaluate(expression, contexts).coerceString());
}
