import { type Answer, failure, success } from "./answer.js";
import type { CatalogData } from "./catalog.js";
import { type CategoryNode, categoryPath } from "./categories.js";
import { parseInfoCatId, type QueryParams } from "./query.js";

function summary(node: CategoryNode, level: number): Record<string, unknown> {
	return {
		id: String(node.id),
		name: node.name,
		name_en: node.nameEn,
		level,
		has_children: node.childIds.length > 0,
	};
}

/**
 * Answers `/1688/category/info`. Emulated quirk: a category's own view numbers levels from 0 at the top
 * (201149004 is level 1, its children level 2, as in the docs), while the top-level list calls its entries
 * level 1; so "level" disagrees between views, as the docs warn. Ids outside the tree answer 417.
 */
export function answerInfo(catalog: CatalogData, params: QueryParams): Answer {
	const catId = parseInfoCatId(params);
	if (catId === undefined) return success({ children: catalog.topLevel().map((node) => summary(node, 1)) });

	const node = catalog.category(catId);
	if (!node) return failure(417);
	const children = node.childIds.flatMap((id) => catalog.category(id) ?? []);
	return success({
		id: String(node.id),
		name: node.name,
		name_en: node.nameEn,
		level: node.depth,
		parent_id: String(node.parentId),
		has_children: children.length > 0,
		children: children.map((child) => summary(child, child.depth)),
		path: categoryPath(catId).map((step) => ({ id: String(step.id), name: step.name, name_en: step.nameEn })),
	});
}
