import type { Random } from "./random.js";

/**
 * Formats a 90-day sales number the way v2 shows it: "100000+", "1.2万", "300+", "56", and now and then the
 * rarer spellings clients must also parse ("已售300+件", "3k").
 */
export function salesLabel(sales: number, random: Random): string {
	if (sales >= 100_000) return "100000+";
	if (sales >= 10_000) return `${(sales / 10_000).toFixed(1).replace(/\.0$/, "")}万`;
	if (sales >= 1000 && random.chance(0.1)) return `${Math.floor(sales / 1000)}k`;
	if (sales >= 100) {
		const magnitude = 10 ** Math.floor(Math.log10(sales));
		const rounded = `${Math.floor(sales / magnitude) * magnitude}+`;
		return random.chance(0.1) ? `已售${rounded}件` : rounded;
	}
	return String(sales);
}
