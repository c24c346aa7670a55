import { arrayOf, isJsonObject, type JsonObject } from "../json.js";
import { checkChoices } from "./choiceLimits.js";
import { checkText, type ErrorPath, type FieldError, type FormErrors, maxLengthError } from "./formErrors.js";

/** Discord's documented limits for application commands. */
export const COMMAND_LIMITS = {
	name: 32,
	description: 100,
	options: 25,
	/** Chat input commands per scope (global, or one guild). */
	chatInputCommands: 100,
} as const;

/** Command type 1 is a slash command; 2 and 3 are user and message context menus. */
const CHAT_INPUT = 1;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;

// Discord's own pattern for chat input names; it also requires them to be lowercase where the script has case.
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const INVALID_NAME: FieldError = {
	code: "APPLICATION_COMMAND_INVALID_NAME",
	message: "Command name is invalid",
};

function checkChatInputName(errors: FormErrors, path: ErrorPath, name: unknown): void {
	checkText(errors, path, name, COMMAND_LIMITS.name, { min: 1, required: true });
	if (typeof name === "string" && (!NAME_PATTERN.test(name) || name !== name.toLowerCase())) {
		errors.add(path, INVALID_NAME);
	}
}

function checkOptions(errors: FormErrors, path: ErrorPath, options: unknown): void {
	const list = arrayOf(options);
	if (list.length > COMMAND_LIMITS.options) errors.add(path, maxLengthError(COMMAND_LIMITS.options));
	let optionalSeen = false;
	const names = new Set<string>();
	list.forEach((raw, index) => {
		const option = isJsonObject(raw) ? raw : {};
		const at = [...path, index];
		checkChatInputName(errors, [...at, "name"], option.name);
		checkText(errors, [...at, "description"], option.description, COMMAND_LIMITS.description, {
			min: 1,
			required: true,
		});
		if (typeof option.type !== "number" || option.type < 1 || option.type > 11) {
			errors.add([...at, "type"], {
				code: "BASE_TYPE_CHOICES",
				message: "Value must be one of (1, ..., 11).",
			});
		}
		if (typeof option.name === "string") {
			if (names.has(option.name)) {
				errors.add([...at, "name"], {
					code: "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS",
					message: "Option names must be unique",
				});
			}
			names.add(option.name);
		}
		if (option.required === true && optionalSeen) {
			errors.add([...at, "required"], {
				code: "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
				message: "Required options must be placed before non-required options",
			});
		}
		if (option.required !== true && option.type !== SUB_COMMAND && option.type !== SUB_COMMAND_GROUP) {
			optionalSeen = true;
		}
		checkChoices(errors, [...at, "choices"], option.choices);
		if (option.autocomplete === true && arrayOf(option.choices).length > 0) {
			errors.add([...at, "autocomplete"], {
				code: "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID",
				message: "Autocomplete cannot be set for options with choices",
			});
		}
		if (option.type === SUB_COMMAND || option.type === SUB_COMMAND_GROUP) {
			checkOptions(errors, [...at, "options"], option.options);
		}
	});
}

/** Installation types a command may list in `integration_types`: 0 server install, 1 user install. */
const INTEGRATION_TYPES: readonly number[] = [0, 1];
/** Interaction contexts a command may list in `contexts`: 0 server, 1 the bot's DM, 2 other DMs and group DMs. */
const CONTEXTS: readonly number[] = [0, 1, 2];

/** A list of enum values, e.g. `contexts: [0, 1]`; absent or null is fine (Discord's defaults apply). */
function checkEnumList(
	errors: FormErrors,
	path: ErrorPath,
	value: unknown,
	allowed: readonly number[],
): void {
	if (value === undefined || value === null) return;
	if (!Array.isArray(value)) {
		errors.add(path, { code: "LIST_TYPE_CONVERT", message: "Only iterables may be used in a ListType" });
		return;
	}
	value.forEach((item, index) => {
		if (typeof item !== "number" || !allowed.includes(item)) {
			errors.add([...path, index], {
				code: "BASE_TYPE_CHOICES",
				message: `Value must be one of {${allowed.join(", ")}}.`,
			});
		}
	});
}

/** Checks one command definition as sent to POST/PATCH/PUT of the commands routes. */
export function checkCommand(
	errors: FormErrors,
	path: ErrorPath,
	command: JsonObject,
	partial = false,
): void {
	const type = command.type ?? CHAT_INPUT;
	if (type === CHAT_INPUT) {
		if (!partial || command.name !== undefined) checkChatInputName(errors, [...path, "name"], command.name);
		if (!partial || command.description !== undefined) {
			checkText(errors, [...path, "description"], command.description, COMMAND_LIMITS.description, {
				min: 1,
				required: true,
			});
		}
	} else if (!partial || command.name !== undefined) {
		checkText(errors, [...path, "name"], command.name, COMMAND_LIMITS.name, { min: 1, required: true });
	}
	if (command.options !== undefined) checkOptions(errors, [...path, "options"], command.options);
	checkEnumList(errors, [...path, "integration_types"], command.integration_types, INTEGRATION_TYPES);
	checkEnumList(errors, [...path, "contexts"], command.contexts, CONTEXTS);
}

/** Checks a bulk overwrite: every command, unique (name, type) pairs, at most 100 slash commands. */
export function checkCommandList(errors: FormErrors, commands: readonly unknown[]): void {
	const seen = new Set<string>();
	let chatInput = 0;
	commands.forEach((raw, index) => {
		const command = isJsonObject(raw) ? raw : {};
		checkCommand(errors, [index], command);
		const type = command.type ?? CHAT_INPUT;
		if (type === CHAT_INPUT) chatInput += 1;
		const key = `${String(type)}:${String(command.name)}`;
		if (seen.has(key)) {
			errors.add([index, "name"], {
				code: "APPLICATION_COMMANDS_DUPLICATE_NAME",
				message: "Application command names must be unique",
			});
		}
		seen.add(key);
	});
	if (chatInput > COMMAND_LIMITS.chatInputCommands) {
		errors.add([], maxLengthError(COMMAND_LIMITS.chatInputCommands));
	}
}
