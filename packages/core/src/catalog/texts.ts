import type { Language, SortOrder } from "../query/schema.js";

/**
 * The texts every adapter shows around results (sort buttons, the page-past-the-end answer, export
 * summaries), written once here in each output language so the bots cannot drift apart.
 */
export interface CatalogTexts {
	/** Button labels for re-sorting, emoji included. */
	readonly sortButtons: Readonly<Record<SortOrder, string>>;
	/** "Page 99 of 28 does not exist: the last page is 28." */
	readonly noSuchPage: (page: number, lastPage: number) => string;
	/** The label of the button that leads to the last page. */
	readonly lastPageButton: (lastPage: number) => string;
	/** Shown for a button whose token is forged, damaged or from another deployment. */
	readonly badButton: string;
	/** "40 products from 2 page(s)." */
	readonly exportSummary: (products: number, pages: number) => string;
	/** Appended to the summary when an export ended before the pages asked for. */
	readonly stoppedEarly: (reason: string) => string;
	/** The status line while an export reads its pages. */
	readonly exportProgress: (done: number, total: number) => string;
	/** The header of a search's results: "Search: summer dress". */
	readonly searchTitle: (keyword: string) => string;
	/** A category suggestion's button under search results: "Browse: Dresses". */
	readonly browseButton: (name: string) => string;
	/** A search button whose keyword is gone, with the command to type again. */
	readonly searchExpired: (command: string) => string;
}

const en: CatalogTexts = {
	sortButtons: {
		default: "⭐ Best match",
		sales: "🔥 Best selling",
		price_up: "💲 Cheapest",
		price_down: "💎 Priciest",
	},
	noSuchPage: (page, last) => `Page ${page} of ${last} does not exist: the last page is ${last}.`,
	lastPageButton: (last) => `Page ${last} »`,
	badButton: "This button is no longer valid. Send the command again to get fresh results.",
	// "page(s)" rather than a plural rule: the same words the bots have always shown.
	exportSummary: (products, pages) =>
		`${products} product${products === 1 ? "" : "s"} from ${pages} page(s).`,
	stoppedEarly: (reason) => `Stopped early: ${reason}`,
	exportProgress: (done, total) => `📦 Exporting… page ${done} of ${total}`,
	searchTitle: (keyword) => `Search: ${keyword}`,
	browseButton: (name) => `Browse: ${name}`,
	searchExpired: (command) => `This search expired: run it again: ${command}`,
};

const zh: CatalogTexts = {
	sortButtons: {
		default: "⭐ 综合排序",
		sales: "🔥 销量优先",
		price_up: "💲 价格最低",
		price_down: "💎 价格最高",
	},
	noSuchPage: (page, last) => `第 ${page} 页不存在（共 ${last} 页）：最后一页是第 ${last} 页。`,
	lastPageButton: (last) => `第 ${last} 页 »`,
	badButton: "此按钮已失效。请重新发送命令以获取最新结果。",
	exportSummary: (products, pages) => `共 ${products} 件商品，来自 ${pages} 页。`,
	stoppedEarly: (reason) => `提前结束：${reason}`,
	exportProgress: (done, total) => `📦 正在导出… 第 ${done} / ${total} 页`,
	searchTitle: (keyword) => `搜索：${keyword}`,
	browseButton: (name) => `浏览：${name}`,
	searchExpired: (command) => `此搜索已过期：请重新运行：${command}`,
};

const ru: CatalogTexts = {
	sortButtons: {
		default: "⭐ По релевантности",
		sales: "🔥 Хиты продаж",
		price_up: "💲 Дешевле",
		price_down: "💎 Дороже",
	},
	noSuchPage: (page, last) => `Страницы ${page} из ${last} нет: последняя страница — ${last}.`,
	lastPageButton: (last) => `Стр. ${last} »`,
	badButton: "Эта кнопка больше не действует. Отправьте команду ещё раз, чтобы получить свежие результаты.",
	exportSummary: (products, pages) => `Товаров: ${products}, страниц: ${pages}.`,
	stoppedEarly: (reason) => `Остановлено досрочно: ${reason}`,
	exportProgress: (done, total) => `📦 Экспорт… страница ${done} из ${total}`,
	searchTitle: (keyword) => `Поиск: ${keyword}`,
	browseButton: (name) => `Открыть: ${name}`,
	searchExpired: (command) => `Этот поиск устарел: запустите его снова: ${command}`,
};

const vi: CatalogTexts = {
	sortButtons: {
		default: "⭐ Phù hợp nhất",
		sales: "🔥 Bán chạy",
		price_up: "💲 Rẻ nhất",
		price_down: "💎 Đắt nhất",
	},
	noSuchPage: (page, last) => `Không có trang ${page}/${last}: trang cuối là ${last}.`,
	lastPageButton: (last) => `Trang ${last} »`,
	badButton: "Nút này không còn hiệu lực. Hãy gửi lại lệnh để nhận kết quả mới.",
	exportSummary: (products, pages) => `${products} sản phẩm từ ${pages} trang.`,
	stoppedEarly: (reason) => `Dừng sớm: ${reason}`,
	exportProgress: (done, total) => `📦 Đang xuất… trang ${done}/${total}`,
	searchTitle: (keyword) => `Tìm kiếm: ${keyword}`,
	browseButton: (name) => `Xem: ${name}`,
	searchExpired: (command) => `Tìm kiếm này đã hết hạn: hãy chạy lại: ${command}`,
};

const ja: CatalogTexts = {
	sortButtons: {
		default: "⭐ おすすめ順",
		sales: "🔥 売れ筋順",
		price_up: "💲 安い順",
		price_down: "💎 高い順",
	},
	noSuchPage: (page, last) =>
		`${page}ページ目はありません（全${last}ページ）。最後のページは${last}ページです。`,
	lastPageButton: (last) => `${last}ページ »`,
	badButton: "このボタンは無効になりました。最新の結果を見るには、もう一度コマンドを送ってください。",
	exportSummary: (products, pages) => `${pages}ページから${products}件の商品。`,
	stoppedEarly: (reason) => `途中で終了しました：${reason}`,
	exportProgress: (done, total) => `📦 エクスポート中… ${done} / ${total}ページ`,
	searchTitle: (keyword) => `検索：${keyword}`,
	browseButton: (name) => `カテゴリを見る：${name}`,
	searchExpired: (command) => `この検索は期限切れです。もう一度実行してください：${command}`,
};

const ko: CatalogTexts = {
	sortButtons: {
		default: "⭐ 추천순",
		sales: "🔥 판매순",
		price_up: "💲 낮은 가격순",
		price_down: "💎 높은 가격순",
	},
	noSuchPage: (page, last) =>
		`${page}페이지는 없습니다(전체 ${last}페이지). 마지막 페이지는 ${last}페이지입니다.`,
	lastPageButton: (last) => `${last}페이지 »`,
	badButton: "이 버튼은 더 이상 유효하지 않습니다. 명령을 다시 보내 최신 결과를 받으세요.",
	exportSummary: (products, pages) => `${pages}페이지에서 상품 ${products}개.`,
	stoppedEarly: (reason) => `조기 종료: ${reason}`,
	exportProgress: (done, total) => `📦 내보내는 중… ${done} / ${total}페이지`,
	searchTitle: (keyword) => `검색: ${keyword}`,
	browseButton: (name) => `둘러보기: ${name}`,
	searchExpired: (command) => `이 검색은 만료되었습니다. 다시 실행하세요: ${command}`,
};

const TEXTS: Record<Language, CatalogTexts> = { en, zh, ru, vi, ja, ko };

/** The catalog's texts in an output language. */
export function catalogTexts(language: Language): CatalogTexts {
	return TEXTS[language];
}

/**
 * What to say about a button that cannot be read. A bad token carries no language, so English unless the
 * adapter knows the user's.
 */
export function badButtonText(language: Language = "en"): string {
	return TEXTS[language].badButton;
}

/**
 * The file name of an export, e.g. "catbot-1031910-sales.csv" or "catbot-search-summer-dress-sales.csv":
 * ASCII only, safe on every platform; a keyword with no ASCII letters or digits reads "search-keyword".
 */
export function exportFileName(subject: number | { keyword: string }, sort: SortOrder): string {
	if (typeof subject === "number") return `catbot-${subject}-${sort}.csv`;
	const slug = (subject.keyword.match(/[a-z0-9]+/g) ?? []).join("-").slice(0, 40).replace(/-+$/, "");
	return `catbot-search-${slug === "" ? "keyword" : slug}-${sort}.csv`;
}
