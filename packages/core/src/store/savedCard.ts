import * as v from "valibot";
import { formatCommand } from "../query/format.js";
import { MAX_COMMAND_LENGTH } from "../query/parse.js";
import { CATEGORY_ID_MAX } from "../query/schema.js";
import { type CatalogQuery, isSearchQuery } from "../query/searchSchema.js";
import { truncateText } from "../text/truncate.js";
import type { Product } from "../tmapi/product.js";
import { StoredItemIdSchema } from "./inputs.js";

/** Longest stored title; longer ones are cut by {@link savedCardFromProduct} (no chat shows more). */
export const SAVED_TITLE_MAX = 500;
/** Longest stored URL or name of a shop or a person. */
export const SAVED_URL_MAX = 2048;
export const SAVED_NAME_MAX = 200;

const HttpUrl = v.pipe(
	v.string(),
	v.maxLength(SAVED_URL_MAX),
	v.regex(/^https?:\/\/\S+$/, "must be an http(s) URL"),
);
const Name = v.pipe(v.string(), v.maxLength(SAVED_NAME_MAX));
const Price = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e9));
const Quantity = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e12));
const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
const CategoryId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(CATEGORY_ID_MAX));

/**
 * A product as it was when someone saved it to a place's shortlist: enough to show the card again with
 * no paid call, and to run what it came from again (`command` is the canonical `/category` or `/search`
 * command).
 * Times are milliseconds since the epoch, from the caller's clock.
 */
export const SavedCardSchema = v.object({
	itemId: StoredItemIdSchema,
	title: v.pipe(v.string(), v.maxLength(SAVED_TITLE_MAX)),
	imageUrl: v.nullable(HttpUrl),
	productUrl: HttpUrl,
	/** The price shown when saved (the sale price if there was one); null for "price on request". */
	price: v.nullable(Price),
	/** As the upstream sent it, usually CNY. */
	currency: v.pipe(v.string(), v.minLength(1), v.maxLength(16)),
	/** Minimum order quantity. */
	moq: v.nullable(Quantity),
	shopName: v.nullable(Name),
	shopUrl: v.nullable(HttpUrl),
	/** The category it was shown in; null when saved from a search whose item named no category. */
	categoryId: v.nullable(CategoryId),
	categoryName: v.nullable(Name),
	command: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_COMMAND_LENGTH)),
	/** Who saved it first; a later save of the same product keeps this. */
	savedBy: v.object({
		userId: v.pipe(v.string(), v.regex(/^[\w.:-]{1,64}$/, "user id must be 1 to 64 letters or digits")),
		/** The name shown in the chat when saved, so the list needs no lookup. */
		name: v.nullable(Name),
	}),
	savedAt: Time,
});
/** One card of a shortlist. */
export type SavedCard = v.InferOutput<typeof SavedCardSchema>;

/** What {@link savedCardFromProduct} needs besides the product. */
export interface SavedCardSource {
	readonly product: Product;
	/** The category or search the card was shown for; its command is stored with the chat paging left out. */
	readonly query: CatalogQuery;
	readonly categoryName?: string | null;
	readonly savedBy: { readonly userId: string; readonly name?: string | null };
	readonly savedAt: number;
}

/**
 * The category a searched item sits in: the first entry of its path (1688 lists the leaf first), when
 * that is a category id catbot could open. Global search items carry no path, so they get null.
 */
function leafCategoryId(product: Product): number | null {
	const first = product.categoryPath[0];
	if (first === undefined || !/^[1-9]\d{0,14}$/.test(first)) return null;
	const id = Number(first);
	return v.is(CategoryId, id) ? id : null;
}

/**
 * The snapshot to save for a product shown in a chat. Texts are cut to the schema's bounds, so any product
 * the catalog produced gives a card the store accepts.
 *
 * @example
 * const card = savedCardFromProduct({ product, query, savedBy: { userId: "42", name: "Ann" }, savedAt: now });
 * await store.shortlist.save({ platform: "telegram", id: "-100123" }, card);
 */
export function savedCardFromProduct(source: SavedCardSource): SavedCard {
	const { product, query } = source;
	const shortName = (text: string | null | undefined) =>
		text === null || text === undefined ? null : truncateText(text, SAVED_NAME_MAX);
	const url = (text: string | null) => (text !== null && v.is(HttpUrl, text) ? text : null);
	return {
		itemId: product.itemId,
		title: truncateText(product.title, SAVED_TITLE_MAX),
		imageUrl: url(product.imageUrl),
		productUrl: url(product.url) ?? `https://detail.1688.com/offer/${product.itemId}.html`,
		price: v.is(Price, product.price) ? product.price : null,
		currency: truncateText(product.currency, 16) || "CNY",
		moq: v.is(Quantity, product.moq) ? product.moq : null,
		shopName: shortName(product.shop.name),
		shopUrl: url(product.shop.url),
		categoryId: isSearchQuery(query) ? leafCategoryId(product) : query.catId,
		categoryName: shortName(source.categoryName),
		command: formatCommand({ ...query, page: 1 }),
		savedBy: { userId: source.savedBy.userId, name: shortName(source.savedBy.name) },
		savedAt: source.savedAt,
	};
}
