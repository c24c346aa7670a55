/** The `language` values the v2 endpoint accepts (en is its default). */
export const LANGUAGES = ["en", "zh", "ru", "vi", "ja", "ko"] as const;

/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** A word in every language, in the order of {@link LANGUAGES}. */
export type Word = readonly [en: string, zh: string, ru: string, vi: string, ja: string, ko: string];

/** Picks a word's form for a language. */
export function wordIn(word: Word, language: Language): string {
	return word[LANGUAGES.indexOf(language)] ?? word[0];
}

/** Chinese and Japanese titles run words together, as on 1688; the others separate them with spaces. */
export function separatorFor(language: Language): string {
	return language === "zh" || language === "ja" ? "" : " ";
}

/** Selling points that go in front of the product noun, like on real 1688 titles. */
export const MODIFIERS: readonly Word[] = [
	["2025 New", "2025新款", "Новинка 2025", "Mới 2025", "2025新作", "2025 신상"],
	["Summer", "夏季", "Летний", "Mùa hè", "夏", "여름"],
	["Premium", "高级感", "Премиум", "Cao cấp", "高級感", "고급스러운"],
	["Korean Style", "韩版", "Корейский стиль", "Phong cách Hàn", "韓国風", "한국 스타일"],
	["INS Style", "ins风", "В стиле INS", "Phong cách INS", "INS風", "INS 스타일"],
	["Wholesale", "批发", "Оптом", "Bán sỉ", "卸売", "도매"],
	["Cross-border", "跨境", "Для экспорта", "Xuyên biên giới", "越境", "해외직구"],
	["Factory Direct", "厂家直销", "От производителя", "Trực tiếp từ xưởng", "工場直販", "공장 직판"],
	["Trending", "网红", "Трендовый", "Hot trend", "話題の", "인기"],
	["Minimalist", "简约", "Минималистичный", "Tối giản", "シンプル", "심플"],
	["Vintage", "复古", "Винтажный", "Cổ điển", "レトロ", "빈티지"],
	["Versatile", "百搭", "Универсальный", "Dễ phối", "合わせやすい", "데일리"],
	["Best Seller", "爆款", "Хит продаж", "Bán chạy", "大人気", "베스트셀러"],
	["Cute", "可爱", "Милый", "Dễ thương", "かわいい", "귀여운"],
	["Affordable Luxury", "轻奢", "Доступная роскошь", "Sang trọng", "プチ贅沢", "럭셔리"],
];

/** Product nouns per topic; the topic order follows the top-level categories in categories.ts. */
export const PRODUCTS: readonly (readonly Word[])[] = [
	[
		["Dress", "连衣裙", "Платье", "Váy liền", "ワンピース", "원피스"],
		["T-Shirt", "T恤", "Футболка", "Áo thun", "Tシャツ", "티셔츠"],
		["Skirt", "半身裙", "Юбка", "Chân váy", "スカート", "스커트"],
		["Shirt", "衬衫", "Рубашка", "Áo sơ mi", "シャツ", "셔츠"],
		["Knit Cardigan", "针织开衫", "Вязаный кардиган", "Áo len cardigan", "ニットカーディガン", "니트 가디건"],
	],
	[
		["Sunglasses", "太阳镜", "Солнцезащитные очки", "Kính râm", "サングラス", "선글라스"],
		["Hair Clip", "发夹", "Заколка", "Kẹp tóc", "ヘアクリップ", "헤어핀"],
		["Earrings", "耳环", "Серьги", "Bông tai", "イヤリング", "귀걸이"],
		["Necklace", "项链", "Ожерелье", "Vòng cổ", "ネックレス", "목걸이"],
		["Bracelet", "手链", "Браслет", "Vòng tay", "ブレスレット", "팔찌"],
	],
	[
		["Bra", "文胸", "Бюстгальтер", "Áo ngực", "ブラジャー", "브래지어"],
		["Pajamas", "睡衣", "Пижама", "Đồ ngủ", "パジャマ", "잠옷"],
		["Socks", "袜子", "Носки", "Tất", "靴下", "양말"],
		["Briefs", "内裤", "Трусы", "Quần lót", "ショーツ", "속옷"],
	],
	[
		["Sneakers", "运动鞋", "Кроссовки", "Giày thể thao", "スニーカー", "운동화"],
		["Sandals", "凉鞋", "Сандалии", "Dép xăng đan", "サンダル", "샌들"],
		["Slippers", "拖鞋", "Тапочки", "Dép lê", "スリッパ", "슬리퍼"],
		["Canvas Shoes", "帆布鞋", "Кеды", "Giày vải", "キャンバスシューズ", "캔버스화"],
	],
	[
		["Phone Case", "手机壳", "Чехол для телефона", "Ốp điện thoại", "スマホケース", "휴대폰 케이스"],
		["Charging Cable", "数据线", "Кабель для зарядки", "Cáp sạc", "充電ケーブル", "충전 케이블"],
		[
			"Bluetooth Earbuds",
			"蓝牙耳机",
			"Bluetooth-наушники",
			"Tai nghe Bluetooth",
			"ワイヤレスイヤホン",
			"블루투스 이어폰",
		],
		["Power Bank", "充电宝", "Пауэрбанк", "Sạc dự phòng", "モバイルバッテリー", "보조배터리"],
	],
	[
		["Storage Box", "收纳盒", "Коробка для хранения", "Hộp đựng đồ", "収納ボックス", "수납함"],
		["Towel", "毛巾", "Полотенце", "Khăn tắm", "タオル", "수건"],
		["Hanger", "衣架", "Вешалка", "Móc áo", "ハンガー", "옷걸이"],
		["Mop", "拖把", "Швабра", "Cây lau nhà", "モップ", "밀대 걸레"],
	],
	[
		["Plush Toy", "毛绒玩具", "Мягкая игрушка", "Thú nhồi bông", "ぬいぐるみ", "봉제 인형"],
		["Building Blocks", "积木", "Конструктор", "Đồ chơi xếp hình", "ブロック", "블록 장난감"],
		["Puzzle", "拼图", "Пазл", "Tranh ghép", "パズル", "퍼즐"],
		["Blind Box", "盲盒", "Сюрприз-бокс", "Hộp mù", "ブラインドボックス", "랜덤 박스"],
	],
	[
		["Lipstick", "口红", "Помада", "Son môi", "口紅", "립스틱"],
		["Face Mask", "面膜", "Тканевая маска", "Mặt nạ", "フェイスパック", "마스크팩"],
		["Makeup Brush", "化妆刷", "Кисть для макияжа", "Cọ trang điểm", "メイクブラシ", "메이크업 브러시"],
		["Nail Polish", "指甲油", "Лак для ногтей", "Sơn móng tay", "マニキュア", "매니큐어"],
	],
];

/** Every product noun, for cat_ids outside the tree. */
export const ALL_PRODUCTS: readonly Word[] = PRODUCTS.flat();

/** A title in every language, built from the same word choices so translations stay aligned. */
export type Titles = Readonly<Record<Language, string>>;

/** Joins words into one title per language, with an optional language-neutral model number in front. */
export function composeTitles(words: readonly Word[], modelNumber: string | undefined): Titles {
	const entries = LANGUAGES.map((language) => {
		const text = words.map((word) => wordIn(word, language)).join(separatorFor(language));
		return [language, modelNumber ? `${modelNumber}${separatorFor(language)}${text}` : text] as const;
	});
	return Object.fromEntries(entries) as Record<Language, string>;
}
