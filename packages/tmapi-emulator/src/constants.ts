/** The seed used when none is given, so every default emulator serves the same catalog. */
export const DEFAULT_SEED = 1688;

/** v1 always pages by 20 and ignores any `page_size` it is sent. */
export const V1_PAGE_SIZE = 20;

/** v2's `page_size` default and maximum; a larger value is answered with 422 "Parameter error.". */
export const V2_DEFAULT_PAGE_SIZE = 20;
export const V2_MAX_PAGE_SIZE = 50;

/**
 * Keyword search's `page_size` default and maximum (20 on both search endpoints: the search/items docs say
 * so, and clients of global/search/items report the same cap); a larger value is answered with 422.
 */
export const SEARCH_DEFAULT_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE_SIZE = 20;

/** TMAPI never reports (nor serves) more than this many items for one query. */
export const TOTAL_COUNT_CAP = 2000;

/**
 * Category ids with behaviour tests can rely on. Every positive integer is a valid cat_id (unknown ids get
 * generated items too); these are the ones worth naming.
 *
 * @example
 * ```ts
 * const res = await fetch(`${emu.url}/1688/category/items?cat_id=${DEMO_CATEGORY_IDS.dresses}`);
 * ```
 */
export const DEMO_CATEGORY_IDS = {
	/** Top level 服饰配件、饰品 / Apparel Accessories & Jewelry. */
	accessories: 54,
	/** Top level 女装 / Women's Clothing. */
	womensClothing: 10166,
	/** 连衣裙 / Dresses, the v1 docs' example: exactly 137 items (7 pages in v1, the last with 17). */
	dresses: 1031910,
	/** 太阳镜 / Sunglasses, the v2 docs' example: 2600 items, so v2 reports total_count 2000 (the cap). */
	sunglasses: 1031922,
	/** 儿童饰品 / Children's Jewelry, the info docs' example: has two children. */
	childrensJewelry: 201149004,
	/** 儿童脚饰 / Children's Anklets: a leaf with 0 items, for the empty-result case. */
	empty: 201545016,
	/** 发饰 / Hair Accessories: 45 items; page 2 (page size 20, default order) starts with page 1's last item. */
	duplicateOnPage2: 127380009,
	/**
	 * 手机壳 / Phone Cases: 60 items; in default order the first five titles are the hostile ones:
	 * 0 markup characters (`<`, `&`, `*`, `_`), 1 emoji, 2 "@everyone", 3 a title over 300 characters,
	 * 4 markdown link syntax and backticks.
	 */
	quirkyTitles: 1046640,
	/** Not in the tree: items are generated anyway, but the info endpoint answers 417. */
	unknown: 999999999,
} as const;

/** Item counts fixed regardless of seed; every other category gets a seeded count in 40..250. */
export const KNOWN_ITEM_COUNTS: Readonly<Record<number, number>> = {
	[DEMO_CATEGORY_IDS.dresses]: 137,
	[DEMO_CATEGORY_IDS.sunglasses]: 2600,
	[DEMO_CATEGORY_IDS.empty]: 0,
	[DEMO_CATEGORY_IDS.duplicateOnPage2]: 45,
	[DEMO_CATEGORY_IDS.quirkyTitles]: 60,
};

/**
 * Keywords with behaviour tests can rely on. Every keyword finds items (only `empty` finds none); a keyword
 * naming a product or category of the tree, in any of the six languages, finds items of that
 * category, and any other keyword items of 1-3 categories chosen by its hash.
 */
export const DEMO_SEARCH_KEYWORDS = {
	/** 马克杯 (mug), the docs' sample: not in the tree, so hashed categories; 2000 results (the cap). */
	docsSample: "马克杯",
	/** 连衣裙 / Dresses: results mostly in 1031910; 2000 results. */
	dresses: "连衣裙",
	/** English for global search: results mostly in 太阳镜 / Sunglasses (1031922); 2000 results. */
	sunglasses: "sunglasses",
	/** A narrow keyword (a real one that found 129): total_count 129, so 7 pages of 20. */
	narrow: "靖江眉茶 500克",
	/** On search/items, page 2 holds page 1's items in another order, as the real API did for this keyword. */
	repeatingPages: "金骏眉茶 500克",
	/** Finds nothing: total_count 0 and no items. */
	empty: "没有这种商品",
	/** 手机壳 / Phone Cases: the first five results (default order) carry the hostile titles of the category. */
	quirkyTitles: "手机壳",
} as const;

/** Result counts fixed regardless of seed (keys normalized); other keywords get 2000 or 40..250 by hash. */
export const KNOWN_SEARCH_COUNTS: Readonly<Record<string, number>> = {
	[DEMO_SEARCH_KEYWORDS.docsSample]: 2600,
	[DEMO_SEARCH_KEYWORDS.dresses]: 2600,
	[DEMO_SEARCH_KEYWORDS.sunglasses]: 2600,
	[DEMO_SEARCH_KEYWORDS.narrow]: 129,
	[DEMO_SEARCH_KEYWORDS.repeatingPages]: 2600,
	[DEMO_SEARCH_KEYWORDS.empty]: 0,
	[DEMO_SEARCH_KEYWORDS.quirkyTitles]: 300,
};

/** The error texts TMAPI's docs give for each code; fault rules use them when no `msg` is set. */
export const TMAPI_ERROR_MESSAGES: Readonly<Record<number, string>> = {
	401: "Invalid apiToken",
	404: "Not Found",
	417: "Failed to retrieve data, please try again or contact customer service.",
	422: "Parameter error.",
	439: "Subscription expired or insufficient balance.",
	499: "Please try again or set your request timeout to 60 seconds.",
	500: "Unexpected error, please contact customer service.",
	503: "API request concurrency limit exceeded, please reduce concurrency.",
};
