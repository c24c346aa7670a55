import { describe, expect, it } from "vitest";
import {
	firstPrice,
	isLowerBound,
	normalizeUrl,
	parseCount,
	parseInteger,
	parsePercent,
	parsePrice,
} from "./values.js";

describe("parseCount", () => {
	it.each([
		["180100", 180100],
		["100000+", 100000],
		["已售300+件", 300],
		["1.2万", 12000],
		["10万+", 100000],
		["3k", 3000],
		["3K+", 3000],
		["1.5w", 15000],
		["2亿", 200000000],
		["1,234", 1234],
		["56", 56],
		[42, 42],
	])("reads %j as %d", (label, expected) => {
		expect(parseCount(label)).toBe(expected);
	});

	it.each([[""], ["暂无"], [null], [undefined], [Number.NaN], [-3]])("returns null for %j", (label) => {
		expect(parseCount(label)).toBeNull();
	});
});

describe("prices", () => {
	it("parses price strings and refuses empty ones", () => {
		expect(parsePrice("4.59")).toBe(4.59);
		expect(parsePrice("¥4.59")).toBe(4.59);
		expect(parsePrice("4.59-5.00")).toBe(4.59);
		expect(parsePrice("")).toBeNull();
		expect(parsePrice("   ")).toBeNull();
		expect(parsePrice(null)).toBeNull();
		expect(parsePrice(0)).toBe(0);
	});

	it("falls back through the candidates in order", () => {
		expect(firstPrice("", null, "5.40")).toBe(5.4);
		expect(firstPrice(undefined, "0.60")).toBe(0.6);
		expect(firstPrice("", "")).toBeNull();
	});
});

describe("other values", () => {
	it("reads percentages with or without the sign", () => {
		expect(parsePercent("60%")).toBe(60);
		expect(parsePercent("38.46")).toBe(38.46);
		expect(parsePercent("250")).toBeNull();
	});

	it("reads integers sent as numbers or strings", () => {
		expect(parseInteger(200)).toBe(200);
		expect(parseInteger("1")).toBe(1);
		expect(parseInteger("")).toBeNull();
	});

	it("fixes protocol-relative URLs and drops junk", () => {
		expect(normalizeUrl("//cbu01.alicdn.com/a.jpg")).toBe("https://cbu01.alicdn.com/a.jpg");
		expect(normalizeUrl(" https://x.1688.com ")).toBe("https://x.1688.com");
		expect(normalizeUrl("")).toBeNull();
		expect(normalizeUrl("javascript:alert(1)")).toBeNull();
		expect(normalizeUrl(null)).toBeNull();
	});

	it.each([
		["https:////cbu01.alicdn.com/img/ibank/a.jpg", "https://cbu01.alicdn.com/img/ibank/a.jpg"],
		["http:///x.1688.com", "http://x.1688.com"],
		["cbu01.alicdn.com/img/ibank/a.jpg", "https://cbu01.alicdn.com/img/ibank/a.jpg"],
		["detail.1688.com/offer/1.html", "https://detail.1688.com/offer/1.html"],
		["HTTPS://x.1688.com", "https://x.1688.com"],
		["http://gdytgc.1688.com?tracelog=p4p", "http://gdytgc.1688.com?tracelog=p4p"],
	])("repairs %j", (raw, expected) => {
		expect(normalizeUrl(raw)).toBe(expected);
	});

	it.each([
		["ftp://x.1688.com/a"],
		["/img/ibank/a.jpg"],
		["a.jpg b"],
		["https://"],
		["data:image/png;base64,AA"],
	])("refuses %j", (raw) => {
		expect(normalizeUrl(raw)).toBeNull();
	});

	it("tells lower bounds and rounded labels from exact counts", () => {
		for (const label of ["100000+", "已售9000+件", "全网10万+件", "1.8万", "3k"]) {
			expect(isLowerBound(label)).toBe(true);
		}
		for (const label of ["180100", "5160", "0", "", null, 1]) expect(isLowerBound(label)).toBe(false);
	});
});
