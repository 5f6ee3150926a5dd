// A failure main has already explained: the step reports its message and fails.

/** A failure already explained to the user; the step fails with its message. */
export class StepFailure extends Error {}
