import type { CategoryInfo } from "../tmapi/product.js";
import type { CatalogContext } from "./actions.js";

/** The category's name and breadcrumb if they arrive within `waitMs`, else null; never throws. */
export async function nameWithin(
	ctx: Pick<CatalogContext, "directory" | "nameWaitMs">,
	catId: number,
	userKey: string,
): Promise<CategoryInfo | null> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<null>((resolve) => {
		timer = setTimeout(() => resolve(null), ctx.nameWaitMs);
	});
	try {
		return await Promise.race([ctx.directory.describe(catId, userKey), timeout]);
	} finally {
		clearTimeout(timer);
	}
}
