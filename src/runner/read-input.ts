// How the steps read an input: core.getInput, trimmed. Asked for explicitly: core trims by
// default, but @github/local-action's stand-in for core trims only when told to.
import * as core from '@actions/core';

export const readInput = (name: string): string => core.getInput(name, { trimWhitespace: true });
