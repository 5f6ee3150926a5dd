// What main's state is when it wrote nothing of its own: every key post reads, claimed empty.
import { STATE } from '../../src/state/keys.ts';

export const EMPTY_STATE: Record<string, string> = Object.fromEntries(Object.values(STATE).map((key) => [key, '']));
