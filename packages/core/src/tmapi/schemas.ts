import * as v from "valibot";

// A tolerant reader, written from the endpoint documents and from real captured answers (../shared/realdata).
// Only what a product cannot exist without is required: a digits id and some title. Every other field is
// optional and reads as `undefined` when it has a type we did not expect, so one odd field never costs the
// item. Loose objects keep unknown fields so callers can reach them through `raw`.

const NumberLike = v.union([v.number(), v.string()]);

/** An optional field that reads as undefined when null, absent or of an unexpected type. */
function tolerant<const TSchema extends v.GenericSchema>(schema: TSchema) {
	return v.fallback(
		v.pipe(
			v.nullish(schema),
			v.transform((value) => value ?? undefined),
		),
		// valibot cannot relate a generic schema's output to the fallback; undefined is always a valid output here.
		undefined as never,
	);
}

const OptionalText = tolerant(NumberLike);
const OptionalFlag = tolerant(v.boolean());
const OptionalTextList = tolerant(v.array(NumberLike));

const DigitsId = v.pipe(
	NumberLike,
	v.transform((id) => (typeof id === "number" ? (Number.isSafeInteger(id) ? String(id) : "") : id.trim())),
	v.regex(/^\d{1,20}$/, "item_id must be digits"),
);

const PriceInfoSchema = tolerant(
	v.looseObject({
		price: OptionalText,
		sale_price: OptionalText,
		show_price: OptionalText,
		origin_price: OptionalText,
		/** Global-search items give a range instead of a sale price. */
		price_min: OptionalText,
		price_max: OptionalText,
	}),
);

const ScoreInfoSchema = tolerant(
	v.looseObject({ composite_score: OptionalText, composite_new_score: OptionalText }),
);

const ShopInfoSchema = tolerant(
	v.looseObject({
		login_id: OptionalText,
		shop_url: OptionalText,
		company_name: OptionalText,
		is_super_factory: OptionalFlag,
		is_powerful_seller: OptionalFlag,
		shop_years: OptionalText,
		shop_repurchase_rate: OptionalText,
		score_info: ScoreInfoSchema,
		/** Search answers spell it this way (sic). */
		sore_info: ScoreInfoSchema,
		service_tags: OptionalTextList,
	}),
);

const SaleInfoSchema = tolerant(
	v.looseObject({
		/** v2 and global search: "100000+", "12942". */
		sale_quantity_90days: OptionalText,
		/** Search and shop answers: "已售8.7万+件", "全网10万+件", "5160" or a number. */
		sale_quantity: OptionalText,
		sale_quantity_int: OptionalText,
		buyer_count: OptionalText,
	}),
);

const DeliveryInfoSchema = tolerant(
	v.looseObject({
		area_from: OptionalTextList,
		free_shipping: OptionalFlag,
		ship_in_48h: OptionalFlag,
	}),
);

const QuantityPricesSchema = tolerant(v.array(v.looseObject({ begin_num: OptionalText })));

const ItemEntries = {
	item_id: DigitsId,
	/** Global search sends an English `title` with the original under `title_origin` (or `origin_title`). */
	title: OptionalText,
	title_origin: OptionalText,
	origin_title: OptionalText,
	product_url: OptionalText,
	img: OptionalText,
	price: OptionalText,
	price_info: PriceInfoSchema,
	currency: OptionalText,
	quantity_begin: OptionalText,
	moq: OptionalText,
	quantity_prices: QuantityPricesSchema,
	sales_count: OptionalText,
	sale_info: SaleInfoSchema,
	shop_info: ShopInfoSchema,
	delivery_info: DeliveryInfoSchema,
	is_free_shipping: OptionalFlag,
	category_path: OptionalTextList,
	item_repurchase_rate: OptionalText,
	low_refund_rate: OptionalFlag,
	ship_in_48h: OptionalFlag,
	one_piece_min_order: OptionalFlag,
};

/** The first non-empty of the title fields, trimmed. */
function displayTitle(item: { title?: unknown; title_origin?: unknown; origin_title?: unknown }) {
	for (const candidate of [item.title, item.title_origin, item.origin_title]) {
		const title = candidate === undefined || candidate === null ? "" : String(candidate).trim();
		if (title !== "") return title;
	}
	return null;
}

/**
 * One item of either version, and of the sibling list endpoints whose items are the same family of objects
 * (search, global search, image search, shop items). `title` is replaced by the first non-empty of `title`,
 * `title_origin` and `origin_title`; an item with none is refused.
 */
export const CategoryItemSchema = v.pipe(
	v.looseObject(ItemEntries),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		const title = displayTitle(dataset.value);
		if (title === null) {
			addIssue({ message: "title must not be empty" });
			return NEVER;
		}
		return { ...dataset.value, title };
	}),
);
export type CategoryItem = v.InferOutput<typeof CategoryItemSchema>;

/** One item of the v1 answer; the same tolerant schema as v2, since real answers mix their fields. */
export const V1ItemSchema = CategoryItemSchema;
export type V1Item = CategoryItem;
/** One item of the v2 answer; the same tolerant schema as v1. */
export const V2ItemSchema = CategoryItemSchema;
export type V2Item = CategoryItem;

/** A whole number sent as 20 or "20"; "" and junk are not numbers. */
const Count = v.pipe(
	NumberLike,
	v.transform((n) => (typeof n === "number" ? n : n.trim() === "" ? Number.NaN : Number(n))),
	v.safeInteger(),
	v.minValue(0),
);

// Items are checked one by one after the envelope, so one malformed item drops alone.
const PageEntries = {
	page: Count,
	page_size: tolerant(Count),
	/** Search and shop answers leave it out; it is then derived from `total_count`. */
	has_next_page: v.optional(v.nullable(v.boolean())),
	/** v2 sends a number (capped at 2000 upstream); shop answers send a string such as "2465". */
	total_count: tolerant(Count),
	items: v.array(v.unknown()),
};

// Without `has_next_page` or `total_count` nothing says whether another page exists, and guessing would
// either stop paging early or spend paid calls on empty pages.
function nextPageKnown(data: {
	has_next_page?: boolean | null | undefined;
	total_count?: number | undefined;
}) {
	return typeof data.has_next_page === "boolean" || data.total_count !== undefined;
}
const NEXT_PAGE_UNKNOWN = "has_next_page is required when total_count is absent";

/** `data` of a v1 answer. */
export const V1DataSchema = v.pipe(
	v.looseObject(PageEntries),
	v.forward(v.partialCheck([["has_next_page"], ["total_count"]], nextPageKnown, NEXT_PAGE_UNKNOWN), [
		"has_next_page",
	]),
);
/** `data` of a v2 answer. */
export const V2DataSchema = v.pipe(
	v.looseObject({ ...PageEntries, sort: OptionalText, cat_id: OptionalText }),
	v.forward(v.partialCheck([["has_next_page"], ["total_count"]], nextPageKnown, NEXT_PAGE_UNKNOWN), [
		"has_next_page",
	]),
);
export type V1Data = v.InferOutput<typeof V1DataSchema>;
export type V2Data = v.InferOutput<typeof V2DataSchema>;

/**
 * `data` of both keyword searches. Real search/items answers have no `has_next_page` and echo `keyword`,
 * `sort` and the price bounds; the docs add `cat_id: null` and `filters: {}`. Nothing says the global
 * envelope has `page`, so a missing one reads as the page asked for, and `items: null` as no items.
 */
export const SearchDataSchema = v.looseObject({
	...PageEntries,
	page: tolerant(Count),
	keyword: OptionalText,
	items: v.pipe(
		v.nullable(v.array(v.unknown())),
		v.transform((items) => items ?? []),
	),
});
export type SearchData = v.InferOutput<typeof SearchDataSchema>;

const CategoryIdSchema = v.pipe(
	NumberLike,
	v.transform(String),
	v.regex(/^\d{1,20}$/, "category id must be digits"),
);

/** A category reference as the info endpoint sends it (ids are strings there). */
export const CategoryRefWireSchema = v.looseObject({
	id: CategoryIdSchema,
	name: v.string(),
	name_en: OptionalText,
	level: OptionalText,
	parent_id: OptionalText,
	has_children: OptionalFlag,
});

/** `data` of `/1688/category/info`: one category, or the top-level list under `children`, `items` or `list`. */
export const CategoryInfoDataSchema = v.looseObject({
	...v.partial(CategoryRefWireSchema).entries,
	children: v.optional(v.nullable(v.array(v.unknown()))),
	items: v.optional(v.nullable(v.array(v.unknown()))),
	list: v.optional(v.nullable(v.array(v.unknown()))),
	path: v.optional(v.nullable(v.array(v.unknown()))),
});
export type CategoryInfoData = v.InferOutput<typeof CategoryInfoDataSchema>;
