import type { Random } from "./random.js";

/** A generated 1688 seller; several items of a category share one, as on the real site. */
export interface Shop {
	readonly loginId: string;
	readonly shopUrl: string;
	readonly companyName: string;
	readonly isSuperFactory: boolean;
	readonly isPowerfulSeller: boolean;
	/** Percent with two decimals, as v1 sends it: "38.46". */
	readonly repurchaseRate: string;
	readonly shopYears: number;
	/** One decimal, as v2 sends it: "4.0". */
	readonly compositeScore: string;
	/** [province, city], as v2's delivery_info.area_from. */
	readonly areaFrom: readonly [string, string];
}

const CITIES: readonly (readonly [province: string, city: string])[] = [
	["广东", "广州"],
	["广东", "深圳"],
	["广东", "东莞"],
	["广东", "汕头"],
	["浙江", "义乌"],
	["浙江", "杭州"],
	["浙江", "台州"],
	["浙江", "金华"],
	["福建", "泉州"],
	["山东", "青岛"],
];

// The pinyin lets shop URLs look like real ones ("yiyunfuzhuang888.1688.com").
const BRANDS: readonly (readonly [hanzi: string, pinyin: string])[] = [
	["衣耘", "yiyun"],
	["美琪", "meiqi"],
	["鑫源", "xinyuan"],
	["佳诺", "jianuo"],
	["宏达", "hongda"],
	["锦绣", "jinxiu"],
	["恒信", "hengxin"],
	["晨曦", "chenxi"],
	["乐购", "legou"],
	["优品", "youpin"],
	["喜字", "xizi"],
	["盛世", "shengshi"],
];

const TRADES: readonly (readonly [hanzi: string, pinyin: string])[] = [
	["服装厂", "fuzhuang"],
	["饰品厂", "shipin"],
	["贸易", "maoyi"],
	["电子商务商行", "dianshang"],
	["日用品", "riyongpin"],
	["科技", "keji"],
	["工艺品厂", "gongyipin"],
];

/** Generates one shop from the category's random stream. */
export function generateShop(random: Random): Shop {
	const [province, city] = random.pick(CITIES);
	const [brand, brandPinyin] = random.pick(BRANDS);
	const [trade, tradePinyin] = random.pick(TRADES);
	const suffix = trade.endsWith("厂") || trade.endsWith("商行") ? "" : "有限公司";
	const digits = random.chance(0.5) ? String(random.int(1, 999)) : "";
	return {
		loginId: `${brand}${trade}`,
		shopUrl: `https://${brandPinyin}${tradePinyin}${digits}.1688.com`,
		companyName: `${city}市${brand}${trade}${suffix}`,
		isSuperFactory: random.chance(0.2),
		isPowerfulSeller: random.chance(0.3),
		repurchaseRate: (random.int(500, 7500) / 100).toFixed(2),
		shopYears: random.int(1, 15),
		compositeScore: (random.int(30, 50) / 10).toFixed(1),
		areaFrom: [province, `${city}市`],
	};
}
