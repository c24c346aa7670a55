import * as v from "valibot";

// Written from the endpoint documents, but lenient: the upstream sends numbers as strings and back,
// adds fields, and leaves optional ones out. Loose objects keep unknown fields so callers can reach them.

const NumberLike = v.union([v.number(), v.string()]);
const OptionalText = v.optional(v.nullable(NumberLike));
const OptionalFlag = v.optional(v.nullable(v.boolean()));
const DigitsId = v.pipe(
	NumberLike,
	v.transform((id) => (typeof id === "number" ? (Number.isSafeInteger(id) ? String(id) : "") : id.trim())),
	v.regex(/^\d{1,20}$/, "item_id must be digits"),
);

const PriceInfoSchema = v.optional(
	v.nullable(
		v.looseObject({
			price: OptionalText,
			sale_price: OptionalText,
			show_price: OptionalText,
			origin_price: OptionalText,
		}),
	),
);

const ShopEntries = {
	login_id: v.optional(v.nullable(v.string())),
	shop_url: v.optional(v.nullable(v.string())),
	company_name: v.optional(v.nullable(v.string())),
	is_super_factory: OptionalFlag,
};

const BaseItemEntries = {
	item_id: DigitsId,
	product_url: v.optional(v.nullable(v.string())),
	title: v.pipe(v.string(), v.trim(), v.minLength(1, "title must not be empty")),
	img: v.optional(v.nullable(v.string())),
	price: OptionalText,
	price_info: PriceInfoSchema,
	quantity_begin: OptionalText,
};

/** One item of the v1 answer (`quantity_begin` a number, `sales_count` a string). */
export const V1ItemSchema = v.looseObject({
	...BaseItemEntries,
	sales_count: OptionalText,
	sale_info: v.optional(
		v.nullable(
			v.looseObject({
				sale_quantity_int: v.optional(v.nullable(v.number())),
				buyer_count: v.optional(v.nullable(v.number())),
			}),
		),
	),
	shop_info: v.optional(
		v.nullable(
			v.looseObject({
				...ShopEntries,
				shop_repurchase_rate: OptionalText,
			}),
		),
	),
});
export type V1Item = v.InferOutput<typeof V1ItemSchema>;

/** One item of the v2 answer (`moq`/`quantity_begin` strings, sales as labels such as "100000+"). */
export const V2ItemSchema = v.looseObject({
	...BaseItemEntries,
	category_path: v.optional(v.nullable(v.array(NumberLike))),
	currency: v.optional(v.nullable(v.string())),
	moq: OptionalText,
	sale_info: v.optional(
		v.nullable(
			v.looseObject({
				sale_quantity_90days: OptionalText,
			}),
		),
	),
	delivery_info: v.optional(
		v.nullable(
			v.looseObject({
				area_from: v.optional(v.nullable(v.array(v.string()))),
				free_shipping: OptionalFlag,
				ship_in_48h: OptionalFlag,
			}),
		),
	),
	shop_info: v.optional(
		v.nullable(
			v.looseObject({
				...ShopEntries,
				is_powerful_seller: OptionalFlag,
				shop_years: OptionalText,
				score_info: v.optional(v.nullable(v.looseObject({ composite_score: OptionalText }))),
			}),
		),
	),
	item_repurchase_rate: OptionalText,
	low_refund_rate: OptionalFlag,
	ship_in_48h: OptionalFlag,
	one_piece_min_order: OptionalFlag,
});
export type V2Item = v.InferOutput<typeof V2ItemSchema>;

const PageNumber = v.pipe(NumberLike, v.transform(Number), v.safeInteger(), v.minValue(0));

// Items are checked one by one after the envelope, so one malformed item drops alone.
const PageEntries = {
	page: PageNumber,
	page_size: v.optional(PageNumber),
	has_next_page: v.boolean(),
	items: v.array(v.unknown()),
};

/** `data` of a v1 answer. */
export const V1DataSchema = v.looseObject(PageEntries);
/** `data` of a v2 answer; `total_count` seems capped at 2000 upstream. */
export const V2DataSchema = v.looseObject({
	...PageEntries,
	total_count: v.optional(v.nullable(PageNumber)),
	sort: v.optional(v.nullable(v.string())),
	cat_id: v.optional(v.nullable(NumberLike)),
});
export type V1Data = v.InferOutput<typeof V1DataSchema>;
export type V2Data = v.InferOutput<typeof V2DataSchema>;

const CategoryIdSchema = v.pipe(
	NumberLike,
	v.transform(String),
	v.regex(/^\d{1,20}$/, "category id must be digits"),
);

/** A category reference as the info endpoint sends it (ids are strings there). */
export const CategoryRefWireSchema = v.looseObject({
	id: CategoryIdSchema,
	name: v.string(),
	name_en: v.optional(v.nullable(v.string())),
	level: v.optional(v.nullable(NumberLike)),
	parent_id: v.optional(v.nullable(NumberLike)),
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
