import { ButtonStyle, ComponentKind } from "../constants.js";
import { arrayOf, isJsonObject, type JsonObject } from "../json.js";
import {
	badLengthError,
	checkText,
	type ErrorPath,
	type FormErrors,
	maxLengthError,
	REQUIRED_ERROR,
} from "./formErrors.js";

/** Discord's documented limits for message components (classic action rows). */
export const COMPONENT_LIMITS = {
	rows: 5,
	/** Width units per row: a button takes 1, a select menu all 5. */
	rowWidth: 5,
	customId: 100,
	buttonLabel: 80,
	selectOptions: 25,
	optionLabel: 100,
	optionValue: 100,
	optionDescription: 100,
	placeholder: 150,
} as const;

const SELECT_KINDS: ReadonlySet<number> = new Set([
	ComponentKind.StringSelect,
	ComponentKind.UserSelect,
	ComponentKind.RoleSelect,
	ComponentKind.MentionableSelect,
	ComponentKind.ChannelSelect,
]);

/** Custom ids must be unique within a message: a paginator's disabled "x of y" button needs its own id too. */
type SeenIds = Set<string>;

function checkCustomId(errors: FormErrors, path: ErrorPath, value: unknown, seen: SeenIds): void {
	checkText(errors, path, value, COMPONENT_LIMITS.customId, { min: 1, required: true });
	if (typeof value !== "string") return;
	if (seen.has(value)) {
		errors.add(path, {
			code: "COMPONENT_CUSTOM_ID_DUPLICATED",
			message: "Component custom id cannot be duplicated",
		});
	}
	seen.add(value);
}

function checkButton(errors: FormErrors, path: ErrorPath, button: JsonObject, seen: SeenIds): void {
	const style = button.style;
	if (typeof style !== "number" || !Number.isInteger(style) || style < 1 || style > 6) {
		errors.add([...path, "style"], {
			code: "BASE_TYPE_CHOICES",
			message: "Value must be one of (1, 2, 3, 4, 5, 6).",
		});
		return;
	}
	checkText(errors, [...path, "label"], button.label, COMPONENT_LIMITS.buttonLabel);
	if (style === ButtonStyle.Link) {
		if (typeof button.url !== "string" || button.url === "") errors.add([...path, "url"], REQUIRED_ERROR);
		if (button.custom_id !== undefined) {
			errors.add([...path, "custom_id"], {
				code: "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
				message: "A link button cannot have a custom id",
			});
		}
	} else if (style === ButtonStyle.Premium) {
		if (typeof button.sku_id !== "string") errors.add([...path, "sku_id"], REQUIRED_ERROR);
	} else {
		checkCustomId(errors, [...path, "custom_id"], button.custom_id, seen);
		if (button.url !== undefined) {
			errors.add([...path, "url"], {
				code: "BUTTON_COMPONENT_URL_NOT_ALLOWED",
				message: "Only link buttons can have a url",
			});
		}
	}
	if (style !== ButtonStyle.Premium && !button.label && !button.emoji) {
		errors.add([...path, "label"], {
			code: "BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED",
			message: "A label or an emoji is required",
		});
	}
}

function checkSelectOptions(errors: FormErrors, path: ErrorPath, options: unknown): void {
	const list = arrayOf(options);
	if (list.length < 1 || list.length > COMPONENT_LIMITS.selectOptions) {
		errors.add(path, badLengthError(1, COMPONENT_LIMITS.selectOptions));
	}
	const values = new Set<string>();
	list.forEach((option, index) => {
		const entry = isJsonObject(option) ? option : {};
		const at = [...path, index];
		checkText(errors, [...at, "label"], entry.label, COMPONENT_LIMITS.optionLabel, {
			min: 1,
			required: true,
		});
		checkText(errors, [...at, "value"], entry.value, COMPONENT_LIMITS.optionValue, {
			min: 1,
			required: true,
		});
		checkText(errors, [...at, "description"], entry.description, COMPONENT_LIMITS.optionDescription);
		if (typeof entry.value !== "string") return;
		if (values.has(entry.value)) {
			errors.add([...at, "value"], {
				code: "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED",
				message: "Select component option values must be unique",
			});
		}
		values.add(entry.value);
	});
}

function checkCount(errors: FormErrors, path: ErrorPath, value: unknown, min: number): void {
	if (value === undefined || value === null) return;
	if (
		typeof value !== "number" ||
		!Number.isInteger(value) ||
		value < min ||
		value > COMPONENT_LIMITS.selectOptions
	) {
		errors.add(path, {
			code: "NUMBER_TYPE_MAX",
			message: `Must be between ${min} and ${COMPONENT_LIMITS.selectOptions}.`,
		});
	}
}

function checkSelect(errors: FormErrors, path: ErrorPath, select: JsonObject, seen: SeenIds): void {
	checkCustomId(errors, [...path, "custom_id"], select.custom_id, seen);
	checkText(errors, [...path, "placeholder"], select.placeholder, COMPONENT_LIMITS.placeholder);
	checkCount(errors, [...path, "min_values"], select.min_values, 0);
	checkCount(errors, [...path, "max_values"], select.max_values, 1);
	if (select.type === ComponentKind.StringSelect)
		checkSelectOptions(errors, [...path, "options"], select.options);
}

/** Checks a button or select wherever it sits; true when it was one of those. */
function checkInteractive(
	errors: FormErrors,
	path: ErrorPath,
	component: JsonObject,
	seen: SeenIds,
): boolean {
	if (component.type === ComponentKind.Button) checkButton(errors, path, component, seen);
	else if (typeof component.type === "number" && SELECT_KINDS.has(component.type)) {
		checkSelect(errors, path, component, seen);
	} else return false;
	return true;
}

function checkRow(errors: FormErrors, path: ErrorPath, row: JsonObject, seen: SeenIds): void {
	const children = arrayOf(row.components);
	if (children.length < 1) {
		errors.add([...path, "components"], badLengthError(1, COMPONENT_LIMITS.rowWidth));
		return;
	}
	let width = 0;
	children.forEach((child, index) => {
		const at = [...path, "components", index];
		const component = isJsonObject(child) ? child : {};
		if (!checkInteractive(errors, at, component, seen)) {
			errors.add([...at, "type"], {
				code: "UNION_TYPE_CHOICES",
				message: 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).',
			});
			return;
		}
		width += component.type === ComponentKind.Button ? 1 : COMPONENT_LIMITS.rowWidth;
		if (width > COMPONENT_LIMITS.rowWidth) {
			errors.add(at, {
				code: "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
				message: "The specified component exceeds the maximum width",
			});
		}
	});
}

/** Components V2 layouts nest freely; only the interactive leaves are checked there. */
function checkNested(errors: FormErrors, path: ErrorPath, component: JsonObject, seen: SeenIds): void {
	if (checkInteractive(errors, path, component, seen)) return;
	arrayOf(component.components).forEach((child, index) => {
		if (isJsonObject(child)) checkNested(errors, [...path, "components", index], child, seen);
	});
	if (isJsonObject(component.accessory))
		checkNested(errors, [...path, "accessory"], component.accessory, seen);
}

/**
 * Checks a message's `components` against {@link COMPONENT_LIMITS}: at most 5 action rows of at most 5 width
 * units, custom ids of 1 to 100 characters and unique, link buttons with a url and no custom id, select menus
 * with 1 to 25 options. With the IS_COMPONENTS_V2 flag only buttons and selects are checked.
 */
export function checkComponents(errors: FormErrors, path: ErrorPath, components: unknown, v2: boolean): void {
	if (components === undefined || components === null) return;
	const list = arrayOf(components);
	const seen: SeenIds = new Set();
	if (v2) {
		list.forEach((component, index) => {
			if (isJsonObject(component)) checkNested(errors, [...path, index], component, seen);
		});
		return;
	}
	if (list.length > COMPONENT_LIMITS.rows) errors.add(path, maxLengthError(COMPONENT_LIMITS.rows));
	list.forEach((row, index) => {
		if (!isJsonObject(row) || row.type !== ComponentKind.ActionRow) {
			errors.add([...path, index, "type"], {
				code: "UNION_TYPE_CHOICES",
				message: 'Value of field "type" must be one of (1,).',
			});
			return;
		}
		checkRow(errors, [...path, index], row, seen);
	});
}
