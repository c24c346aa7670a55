import type { ProductCard } from "@catbot/core";
import Table from "cli-table3";

/**
 * Cards as a terminal table. cli-table3 measures display width, so Chinese titles (two columns per
 * character) line up, and cuts long cells with an ellipsis.
 */
export function cardsTable(cards: readonly ProductCard[], columns = process.stdout.columns ?? 120): string {
	const titleWidth = Math.max(20, Math.min(60, columns - 75));
	const table = new Table({
		head: ["#", "Title", "Price", "MOQ", "Sales", "Shop"],
		colWidths: [5, titleWidth, 12, 14, 26, 22],
		wordWrap: false,
		style: { head: [], border: [] },
	});
	for (const card of cards) {
		table.push([
			String(card.position),
			card.title,
			card.price,
			card.moq ?? "",
			card.sales ?? "",
			card.shop ?? "",
		]);
	}
	return table.toString();
}

/** One card in full, for "open card k". */
export function cardDetails(card: ProductCard): string {
	return [
		`#${card.position} ${card.title}`,
		`  ${card.url}`,
		`  ${[card.originalPrice ? `${card.price} (was ${card.originalPrice})` : card.price, card.moq].filter(Boolean).join(" · ")}`,
		card.sales || card.repurchase ? `  ${[card.sales, card.repurchase].filter(Boolean).join(" · ")}` : "",
		card.shop
			? `  ${[card.shop, ...card.badges].join(" · ")}${card.shopUrl ? ` (${card.shopUrl})` : ""}`
			: "",
		card.shipping ? `  ${card.shipping}` : "",
		card.imageUrl ? `  image: ${card.imageUrl}` : "",
	]
		.filter(Boolean)
		.join("\n");
}
