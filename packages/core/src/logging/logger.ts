/**
 * One logging call: a structured object with an optional message, or a message alone. pino's methods fit
 * this shape, so the host passes its pino logger; core never picks a logging library.
 */
export interface LogFn {
	(fields: object, message?: string): void;
	(message: string): void;
}

/** What core logs through: the levels it uses, nothing else. */
export interface Logger {
	debug: LogFn;
	info: LogFn;
	warn: LogFn;
	error: LogFn;
}
