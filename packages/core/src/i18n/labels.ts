import type { Language } from "../query/schema.js";

/** Every piece of card and header text the engine writes, per output language. */
export interface Labels {
	readonly locale: string;
	readonly priceOnRequest: string;
	readonly moq: (n: string) => string;
	readonly soldTotal: (n: string) => string;
	readonly sold90d: (n: string) => string;
	readonly superFactory: string;
	readonly powerfulSeller: string;
	readonly years: (n: number) => string;
	readonly score: (n: string) => string;
	readonly shipsFrom: (place: string) => string;
	readonly freeShipping: string;
	readonly shipIn48h: string;
	readonly repurchase: (percent: string) => string;
	readonly page: (n: number) => string;
	readonly pageOf: (n: number, total: number) => string;
	readonly sort: Record<"default" | "sales" | "price_up" | "price_down", string>;
	readonly newArrival: string;
	readonly dropshipping: string;
	readonly price: (range: string) => string;
	readonly category: (id: number) => string;
	readonly justNow: string;
	readonly minutesAgo: (n: number) => string;
	readonly noProducts: string;
}

const en: Labels = {
	locale: "en-US",
	priceOnRequest: "Price on request",
	moq: (n) => `MOQ ${n}`,
	soldTotal: (n) => `${n} sold`,
	sold90d: (n) => `${n} sold in 90 days`,
	superFactory: "Super factory",
	powerfulSeller: "Powerful seller",
	years: (n) => `${n} yr${n === 1 ? "" : "s"} on 1688`,
	score: (n) => `★ ${n}`,
	shipsFrom: (place) => `Ships from ${place}`,
	freeShipping: "Free shipping",
	shipIn48h: "Ships in 48 h",
	repurchase: (p) => `Repurchase ${p}`,
	page: (n) => `Page ${n}`,
	pageOf: (n, total) => `Page ${n} of ${total}`,
	sort: {
		default: "Best match",
		sales: "Best selling",
		price_up: "Price: low to high",
		price_down: "Price: high to low",
	},
	newArrival: "New arrivals",
	dropshipping: "Dropshipping",
	price: (range) => `Price ${range}`,
	category: (id) => `Category ${id}`,
	justNow: "just now",
	minutesAgo: (n) => `${n} min ago`,
	noProducts: "No products match this search.",
};

const zh: Labels = {
	locale: "zh-CN",
	priceOnRequest: "价格面议",
	moq: (n) => `起批 ${n}`,
	soldTotal: (n) => `已售 ${n}`,
	sold90d: (n) => `90天售出 ${n}`,
	superFactory: "超级工厂",
	powerfulSeller: "实力商家",
	years: (n) => `入驻 ${n} 年`,
	score: (n) => `★ ${n}`,
	shipsFrom: (place) => `发货地 ${place}`,
	freeShipping: "包邮",
	shipIn48h: "48小时发货",
	repurchase: (p) => `回头率 ${p}`,
	page: (n) => `第 ${n} 页`,
	pageOf: (n, total) => `第 ${n} / ${total} 页`,
	sort: { default: "综合排序", sales: "销量优先", price_up: "价格从低到高", price_down: "价格从高到低" },
	newArrival: "新品",
	dropshipping: "一件代发",
	price: (range) => `价格 ${range}`,
	category: (id) => `类目 ${id}`,
	justNow: "刚刚",
	minutesAgo: (n) => `${n} 分钟前`,
	noProducts: "没有符合条件的商品。",
};

const ru: Labels = {
	locale: "ru-RU",
	priceOnRequest: "Цена по запросу",
	moq: (n) => `Мин. заказ ${n}`,
	soldTotal: (n) => `Продано ${n}`,
	sold90d: (n) => `Продано за 90 дней: ${n}`,
	superFactory: "Суперфабрика",
	powerfulSeller: "Надёжный продавец",
	years: (n) => `${n} г. на 1688`,
	score: (n) => `★ ${n}`,
	shipsFrom: (place) => `Отправка из ${place}`,
	freeShipping: "Бесплатная доставка",
	shipIn48h: "Отправка за 48 ч",
	repurchase: (p) => `Повторные покупки ${p}`,
	page: (n) => `Стр. ${n}`,
	pageOf: (n, total) => `Стр. ${n} из ${total}`,
	sort: {
		default: "По релевантности",
		sales: "По продажам",
		price_up: "Сначала дешёвые",
		price_down: "Сначала дорогие",
	},
	newArrival: "Новинки",
	dropshipping: "Дропшиппинг",
	price: (range) => `Цена ${range}`,
	category: (id) => `Категория ${id}`,
	justNow: "только что",
	minutesAgo: (n) => `${n} мин назад`,
	noProducts: "Нет товаров по этому запросу.",
};

const vi: Labels = {
	locale: "vi-VN",
	priceOnRequest: "Giá liên hệ",
	moq: (n) => `SL tối thiểu ${n}`,
	soldTotal: (n) => `Đã bán ${n}`,
	sold90d: (n) => `Đã bán ${n} trong 90 ngày`,
	superFactory: "Siêu nhà máy",
	powerfulSeller: "Nhà bán uy tín",
	years: (n) => `${n} năm trên 1688`,
	score: (n) => `★ ${n}`,
	shipsFrom: (place) => `Gửi từ ${place}`,
	freeShipping: "Miễn phí vận chuyển",
	shipIn48h: "Gửi trong 48 giờ",
	repurchase: (p) => `Mua lại ${p}`,
	page: (n) => `Trang ${n}`,
	pageOf: (n, total) => `Trang ${n}/${total}`,
	sort: { default: "Phù hợp nhất", sales: "Bán chạy", price_up: "Giá tăng dần", price_down: "Giá giảm dần" },
	newArrival: "Hàng mới",
	dropshipping: "Dropshipping",
	price: (range) => `Giá ${range}`,
	category: (id) => `Danh mục ${id}`,
	justNow: "vừa xong",
	minutesAgo: (n) => `${n} phút trước`,
	noProducts: "Không có sản phẩm phù hợp.",
};

const ja: Labels = {
	locale: "ja-JP",
	priceOnRequest: "価格要問合せ",
	moq: (n) => `最小注文 ${n}`,
	soldTotal: (n) => `販売数 ${n}`,
	sold90d: (n) => `90日間の販売数 ${n}`,
	superFactory: "スーパーファクトリー",
	powerfulSeller: "優良セラー",
	years: (n) => `1688歴 ${n}年`,
	score: (n) => `★ ${n}`,
	shipsFrom: (place) => `発送元 ${place}`,
	freeShipping: "送料無料",
	shipIn48h: "48時間以内発送",
	repurchase: (p) => `リピート率 ${p}`,
	page: (n) => `${n}ページ`,
	pageOf: (n, total) => `${n} / ${total}ページ`,
	sort: { default: "おすすめ順", sales: "売れ筋順", price_up: "価格の安い順", price_down: "価格の高い順" },
	newArrival: "新着",
	dropshipping: "ドロップシッピング",
	price: (range) => `価格 ${range}`,
	category: (id) => `カテゴリ ${id}`,
	justNow: "たった今",
	minutesAgo: (n) => `${n}分前`,
	noProducts: "条件に合う商品はありません。",
};

const ko: Labels = {
	locale: "ko-KR",
	priceOnRequest: "가격 문의",
	moq: (n) => `최소 주문 ${n}`,
	soldTotal: (n) => `${n}개 판매`,
	sold90d: (n) => `90일간 ${n}개 판매`,
	superFactory: "슈퍼 팩토리",
	powerfulSeller: "우수 판매자",
	years: (n) => `1688 입점 ${n}년`,
	score: (n) => `★ ${n}`,
	shipsFrom: (place) => `출고지 ${place}`,
	freeShipping: "무료 배송",
	shipIn48h: "48시간 내 출고",
	repurchase: (p) => `재구매율 ${p}`,
	page: (n) => `${n}페이지`,
	pageOf: (n, total) => `${n} / ${total}페이지`,
	sort: { default: "추천순", sales: "판매순", price_up: "낮은 가격순", price_down: "높은 가격순" },
	newArrival: "신상품",
	dropshipping: "드롭쉬핑",
	price: (range) => `가격 ${range}`,
	category: (id) => `카테고리 ${id}`,
	justNow: "방금",
	minutesAgo: (n) => `${n}분 전`,
	noProducts: "조건에 맞는 상품이 없습니다.",
};

const LABELS: Record<Language, Labels> = { en, zh, ru, vi, ja, ko };

/** Card and header texts for an output language. */
export function labelsFor(language: Language): Labels {
	return LABELS[language];
}
