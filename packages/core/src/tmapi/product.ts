import * as v from "valibot";

const Text = v.string();
const MaybeNumber = v.nullable(v.number());
const MaybeText = v.nullable(v.string());
const MaybeFlag = v.nullable(v.boolean());

/**
 * The one product shape every adapter renders, whichever API version it came from. Fields the upstream
 * did not send are `null`, never guessed. Also used to re-validate pages read back from a shared cache.
 */
export const ProductSchema = v.object({
	/** 1688 offer id, as a string of digits (JSON numbers of this size lose precision elsewhere). */
	itemId: v.pipe(Text, v.regex(/^\d+$/)),
	url: Text,
	title: Text,
	imageUrl: MaybeText,
	/** The price to show: the sale price when there is one, else the listed price. */
	price: MaybeNumber,
	salePrice: MaybeNumber,
	originalPrice: MaybeNumber,
	/**
	 * The top of a price range (global search's `price_info.price_max`), only when it is above `price`, so
	 * a card can show "6.30-9.80"; absent on every other answer and on products saved before it existed.
	 */
	priceMax: v.exactOptional(v.number()),
	currency: Text,
	/** Minimum order quantity. */
	moq: MaybeNumber,
	/**
	 * Sales as a number (lower bound for labels such as "100000+" or "已售8.7万+件"), with the label as sent;
	 * cards show the number in the reader's language, never the label's words.
	 */
	sales: MaybeNumber,
	salesLabel: MaybeText,
	/** "90d" when read from `sale_quantity_90days`, "total" from `sales_count` or `sale_quantity`. */
	salesWindow: v.picklist(["total", "90d"]),
	buyerCount: MaybeNumber,
	shop: v.object({
		name: MaybeText,
		loginId: MaybeText,
		url: MaybeText,
		isSuperFactory: MaybeFlag,
		isPowerfulSeller: MaybeFlag,
		years: MaybeNumber,
		score: MaybeNumber,
		/** Shop-wide repurchase rate in percent (`shop_repurchase_rate`). */
		repurchaseRate: MaybeNumber,
	}),
	delivery: v.object({
		areaFrom: v.array(Text),
		freeShipping: MaybeFlag,
		shipIn48h: MaybeFlag,
	}),
	/** Item repurchase rate in percent (`item_repurchase_rate`). */
	repurchaseRate: MaybeNumber,
	lowRefundRate: MaybeFlag,
	onePieceMinOrder: MaybeFlag,
	categoryPath: v.array(Text),
});
export type Product = v.InferOutput<typeof ProductSchema>;

/** What every normalized page of items has, whichever endpoint it came from. */
const PageFields = {
	page: v.number(),
	pageSize: v.number(),
	/** As sent where the answer says; else derived from `total_count` (capped at 2000) or a full page. */
	hasNextPage: v.boolean(),
	/** v2, search and shop answers send it (v1 does not); capped at 2000, so 2000 means "2000 or more". */
	totalCount: v.optional(v.number()),
	items: v.array(ProductSchema),
	/** Items that failed validation and were left out. */
	droppedItems: v.number(),
	/** Items whose id already appeared earlier on the page, left out. */
	duplicateItems: v.number(),
};

/** One upstream page of a category, normalized. */
export const CategoryPageSchema = v.object({
	api: v.picklist(["v1", "v2"]),
	catId: v.number(),
	...PageFields,
});
export type CategoryPage = v.InferOutput<typeof CategoryPageSchema>;

/**
 * One page of a keyword search, normalized: the fields of {@link CategoryPage} without `catId`, plus the
 * keyword searched (null for a global search by category alone). `api` names the endpoint: "search" for
 * `/1688/search/items`, "global" for `/1688/global/search/items`.
 */
export const SearchPageSchema = v.object({
	api: v.picklist(["search", "global"]),
	keyword: v.nullable(Text),
	...PageFields,
});
export type SearchPage = v.InferOutput<typeof SearchPageSchema>;

/** A category as the info endpoint describes it. */
export const CategoryRefSchema = v.object({
	id: Text,
	name: Text,
	nameEn: MaybeText,
	hasChildren: MaybeFlag,
});
export type CategoryRef = v.InferOutput<typeof CategoryRefSchema>;

/** A category with its breadcrumb and children; `category` is null for the top-level list. */
export const CategoryInfoSchema = v.object({
	category: v.nullable(CategoryRefSchema),
	path: v.array(CategoryRefSchema),
	children: v.array(CategoryRefSchema),
});
export type CategoryInfo = v.InferOutput<typeof CategoryInfoSchema>;
