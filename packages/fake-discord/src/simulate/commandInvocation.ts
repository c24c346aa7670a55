import { arrayOf, isJsonObject, type JsonObject } from "../json.js";
import type { CommandOptionInput } from "./inputs.js";

const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const STRING = 3;

function fail(command: string, problem: string): never {
	throw new Error(`Fake Discord: cannot invoke /${command}: ${problem}`);
}

function checkValue(command: string, option: CommandOptionInput, definition: JsonObject): void {
	const choices = arrayOf(definition.choices).filter(isJsonObject);
	if (option.focused) return;
	if (choices.length > 0 && !choices.some((c) => c.value === option.value)) {
		fail(command, `"${option.name}" must be one of its choices, got ${JSON.stringify(option.value)}`);
	}
	if (option.type === STRING && typeof option.value === "string") {
		const { min_length: min, max_length: max } = definition;
		if (
			(typeof min === "number" && option.value.length < min) ||
			(typeof max === "number" && option.value.length > max)
		) {
			fail(command, `"${option.name}" has a length outside ${String(min ?? 0)}..${String(max ?? 6000)}`);
		}
	}
	if (typeof option.value === "number") {
		const { min_value: min, max_value: max } = definition;
		if ((typeof min === "number" && option.value < min) || (typeof max === "number" && option.value > max)) {
			fail(command, `"${option.name}" is outside ${String(min ?? "-inf")}..${String(max ?? "inf")}`);
		}
	}
}

function checkLevel(
	command: string,
	given: readonly CommandOptionInput[],
	defined: readonly JsonObject[],
	autocomplete: boolean,
): void {
	for (const option of given) {
		const definition = defined.find((d) => d.name === option.name);
		if (!definition) fail(command, `no option named "${option.name}"`);
		if (definition.type !== option.type) {
			fail(command, `option "${option.name}" has type ${String(definition.type)}, not ${option.type}`);
		}
		if (option.focused && definition.autocomplete !== true) {
			fail(command, `option "${option.name}" is focused but has no autocomplete`);
		}
		if (option.type === SUB_COMMAND || option.type === SUB_COMMAND_GROUP) {
			checkLevel(
				command,
				option.options ?? [],
				arrayOf(definition.options).filter(isJsonObject),
				autocomplete,
			);
		} else checkValue(command, option, definition);
	}
	// Discord's client will not send a command with a required option missing, except while autocompleting.
	if (autocomplete || given.some((o) => o.type === SUB_COMMAND || o.type === SUB_COMMAND_GROUP)) return;
	for (const definition of defined) {
		if (definition.required === true && !given.some((o) => o.name === definition.name)) {
			fail(command, `required option "${String(definition.name)}" is missing`);
		}
	}
}

function countFocused(options: readonly CommandOptionInput[]): number {
	return options.reduce((n, o) => n + (o.focused ? 1 : 0) + countFocused(o.options ?? []), 0);
}

/**
 * Checks that a simulated invocation is one Discord's client could send for the registered definition:
 * known option names and types, choices respected, required options present; autocomplete with exactly
 * one focused option. Throws a plain Error naming the problem: it is a bug in the test, not in the bot.
 */
export function checkInvocation(
	name: string,
	options: readonly CommandOptionInput[],
	definition: JsonObject | undefined,
	autocomplete: boolean,
): void {
	if (autocomplete && countFocused(options) !== 1)
		fail(name, "autocomplete needs exactly one focused option");
	if (definition) checkLevel(name, options, arrayOf(definition.options).filter(isJsonObject), autocomplete);
}
