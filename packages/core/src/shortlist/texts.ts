import type { Language } from "../query/schema.js";
import type { Place } from "../store/place.js";

/**
 * Everything the shortlist says, written once per output language so both bots and the terminal say the
 * same. Dates arrive formatted; a null name is someone whose name was not known when they saved.
 */
export interface ShortlistTexts {
	/** Locale for dates ("30 Nov 2026") and numbers. */
	readonly locale: string;
	/** How a place is named in `saved` and `heading`: "chat" on Telegram, "channel" on Discord. */
	readonly places: Readonly<Record<Place["platform"], string>>;
	/** "☆ Saved to this chat's shortlist (12 of 500)." */
	readonly saved: (place: string, total: string, max: string) => string;
	/** "Already on the shortlist: saved by Ann on 30 Nov 2026." */
	readonly exists: (name: string | null, date: string) => string;
	/** "The shortlist is full (500 cards): remove some with /shortlist first." */
	readonly full: (max: string) => string;
	/** The list's heading: "☆ This chat's shortlist". */
	readonly heading: (place: string) => string;
	/** Shown instead of entries when nothing is saved. */
	readonly empty: string;
	/** "¥12.50 when saved". */
	readonly priceWhenSaved: (price: string) => string;
	/** "saved by Ann · 30 Nov". */
	readonly savedBy: (name: string | null, date: string) => string;
	/** "Removed from the shortlist: <title>." */
	readonly removed: (title: string) => string;
	/** Answer to removing a card someone else removed first. */
	readonly notOnList: string;
	/** Caption of the export file: "12 saved cards." */
	readonly exported: (count: number) => string;
	/** Button labels, so every adapter uses the same words. */
	readonly buttons: {
		readonly save: string;
		/** Placeholder of a menu that saves one card of a page (Discord). */
		readonly saveMenu: string;
		readonly remove: string;
	};
}

const en: ShortlistTexts = {
	locale: "en-GB",
	places: { telegram: "chat", discord: "channel", cli: "terminal" },
	saved: (place, total, max) => `☆ Saved to this ${place}'s shortlist (${total} of ${max}).`,
	exists: (name, date) => `Already on the shortlist: saved by ${name ?? "someone"} on ${date}.`,
	full: (max) => `The shortlist is full (${max} cards): remove some with /shortlist first.`,
	heading: (place) => `☆ This ${place}'s shortlist`,
	empty: "Nothing saved here yet: press ☆ Save on a card.",
	priceWhenSaved: (price) => `${price} when saved`,
	savedBy: (name, date) => `saved by ${name ?? "someone"} · ${date}`,
	removed: (title) => `Removed from the shortlist: ${title}.`,
	notOnList: "That card is not on the shortlist any more.",
	exported: (count) => `${count} saved card${count === 1 ? "" : "s"}.`,
	buttons: { save: "☆ Save", saveMenu: "☆ Save a card…", remove: "✖ Remove" },
};

const zh: ShortlistTexts = {
	locale: "zh-CN",
	places: { telegram: "本聊天", discord: "本频道", cli: "本终端" },
	saved: (place, total, max) => `☆ 已保存到${place}的收藏清单（${total} / ${max}）。`,
	exists: (name, date) => `已在收藏清单中：由 ${name ?? "某位成员"} 于 ${date} 保存。`,
	full: (max) => `收藏清单已满（${max} 个）：请先用 /shortlist 删除一些。`,
	heading: (place) => `☆ ${place}的收藏清单`,
	empty: "这里还没有收藏：在商品卡片上点 ☆ 收藏。",
	priceWhenSaved: (price) => `${price}（保存时价格）`,
	savedBy: (name, date) => `${name ?? "某位成员"} 保存 · ${date}`,
	removed: (title) => `已从收藏清单删除：${title}。`,
	notOnList: "该商品已不在收藏清单中。",
	exported: (count) => `共 ${count} 个收藏。`,
	buttons: { save: "☆ 收藏", saveMenu: "☆ 收藏一个商品…", remove: "✖ 删除" },
};

const ru: ShortlistTexts = {
	locale: "ru-RU",
	places: { telegram: "этого чата", discord: "этого канала", cli: "терминала" },
	saved: (place, total, max) => `☆ Сохранено в избранное ${place} (${total} из ${max}).`,
	exists: (name, date) => `Уже в избранном: сохранил(а) ${name ?? "кто-то из участников"} ${date}.`,
	full: (max) => `Избранное заполнено (${max} карточек): сначала удалите часть через /shortlist.`,
	heading: (place) => `☆ Избранное ${place}`,
	empty: "Здесь пока ничего нет: нажмите ☆ Сохранить на карточке.",
	priceWhenSaved: (price) => `${price} на момент сохранения`,
	savedBy: (name, date) => `сохранил(а) ${name ?? "кто-то"} · ${date}`,
	removed: (title) => `Удалено из избранного: ${title}.`,
	notOnList: "Этой карточки уже нет в избранном.",
	exported: (count) => `Сохранённых карточек: ${count}.`,
	buttons: { save: "☆ Сохранить", saveMenu: "☆ Сохранить карточку…", remove: "✖ Удалить" },
};

const vi: ShortlistTexts = {
	locale: "vi-VN",
	places: { telegram: "nhóm này", discord: "kênh này", cli: "terminal" },
	saved: (place, total, max) => `☆ Đã lưu vào danh sách chọn của ${place} (${total}/${max}).`,
	exists: (name, date) => `Đã có trong danh sách: ${name ?? "một thành viên"} đã lưu ngày ${date}.`,
	full: (max) => `Danh sách đã đầy (${max} thẻ): hãy xoá bớt bằng /shortlist trước.`,
	heading: (place) => `☆ Danh sách chọn của ${place}`,
	empty: "Chưa có gì được lưu: bấm ☆ Lưu trên một thẻ.",
	priceWhenSaved: (price) => `${price} lúc lưu`,
	savedBy: (name, date) => `${name ?? "một thành viên"} đã lưu · ${date}`,
	removed: (title) => `Đã xoá khỏi danh sách: ${title}.`,
	notOnList: "Thẻ này không còn trong danh sách.",
	exported: (count) => `${count} thẻ đã lưu.`,
	buttons: { save: "☆ Lưu", saveMenu: "☆ Lưu một thẻ…", remove: "✖ Xoá" },
};

const ja: ShortlistTexts = {
	locale: "ja-JP",
	places: { telegram: "このチャット", discord: "このチャンネル", cli: "この端末" },
	saved: (place, total, max) => `☆ ${place}の候補リストに保存しました（${total} / ${max}）。`,
	exists: (name, date) => `すでに候補リストにあります：${name ?? "メンバー"}さんが${date}に保存。`,
	full: (max) => `候補リストがいっぱいです（${max}件）：先に /shortlist でいくつか削除してください。`,
	heading: (place) => `☆ ${place}の候補リスト`,
	empty: "まだ何も保存されていません：カードの ☆ 保存 を押してください。",
	priceWhenSaved: (price) => `${price}（保存時）`,
	savedBy: (name, date) => `${name ?? "メンバー"}さんが保存 · ${date}`,
	removed: (title) => `候補リストから削除しました：${title}。`,
	notOnList: "このカードはもう候補リストにありません。",
	exported: (count) => `保存済み ${count} 件。`,
	buttons: { save: "☆ 保存", saveMenu: "☆ カードを保存…", remove: "✖ 削除" },
};

const ko: ShortlistTexts = {
	locale: "ko-KR",
	places: { telegram: "이 채팅", discord: "이 채널", cli: "이 터미널" },
	saved: (place, total, max) => `☆ ${place}의 후보 목록에 저장했습니다(${total} / ${max}).`,
	exists: (name, date) => `이미 후보 목록에 있습니다: ${name ?? "멤버"}님이 ${date}에 저장했습니다.`,
	full: (max) => `후보 목록이 가득 찼습니다(${max}개): 먼저 /shortlist에서 일부를 삭제하세요.`,
	heading: (place) => `☆ ${place}의 후보 목록`,
	empty: "아직 저장된 것이 없습니다: 카드에서 ☆ 저장을 누르세요.",
	priceWhenSaved: (price) => `${price} (저장 당시)`,
	savedBy: (name, date) => `${name ?? "멤버"}님이 저장 · ${date}`,
	removed: (title) => `후보 목록에서 삭제했습니다: ${title}.`,
	notOnList: "이 카드는 더 이상 후보 목록에 없습니다.",
	exported: (count) => `저장된 카드 ${count}개.`,
	buttons: { save: "☆ 저장", saveMenu: "☆ 카드 저장…", remove: "✖ 삭제" },
};

const TEXTS: Record<Language, ShortlistTexts> = { en, zh, ru, vi, ja, ko };

/** The shortlist's texts in an output language. */
export function shortlistTexts(language: Language): ShortlistTexts {
	return TEXTS[language];
}
