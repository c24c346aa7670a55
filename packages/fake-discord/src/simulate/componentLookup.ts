import { arrayOf, isJsonObject, type JsonObject } from "../json.js";

/** The component with that custom_id anywhere in a message (rows, V2 containers, section accessories). */
export function findComponent(components: readonly unknown[], customId: string): JsonObject | undefined {
	for (const component of components) {
		if (!isJsonObject(component)) continue;
		if (component.custom_id === customId) return component;
		const nested = findComponent(
			[...arrayOf(component.components), ...(isJsonObject(component.accessory) ? [component.accessory] : [])],
			customId,
		);
		if (nested) return nested;
	}
	return undefined;
}
