/** One node of the emulated 1688 category tree. */
export interface CategoryNode {
	/** Numeric id, as the items endpoints send `cat_id`; the info endpoint sends it as a string. */
	readonly id: number;
	/** Chinese name, as 1688 shows it. */
	readonly name: string;
	/** English name (the only other language the info endpoint has). */
	readonly nameEn: string;
	/** The parent's id, or 0 for a top-level category. */
	readonly parentId: number;
	/** 0 for top-level categories, 1 for their children, and so on. */
	readonly depth: number;
	readonly childIds: readonly number[];
	/** Index into the product vocabulary: children share their top-level category's products. */
	readonly topicIndex: number;
}

type Spec = readonly [id: number, name: string, nameEn: string, children?: readonly Spec[]];

// Ids from the docs (54, 80, 1031910, 1031922, 201149004, 201545016) keep their documented place; the rest
// are invented but shaped like real 1688 ids. The order of TOP_LEVEL is also the topic order in vocabulary.ts.
const TOP_LEVEL: readonly Spec[] = [
	[
		10166,
		"女装",
		"Women's Clothing",
		[
			[1031910, "连衣裙", "Dresses"],
			[127424004, "T恤", "T-Shirts"],
			[1031918, "半身裙", "Skirts"],
		],
	],
	[
		54,
		"服饰配件、饰品",
		"Apparel Accessories & Jewelry",
		[
			[
				80,
				"眼镜",
				"Eyewear",
				[
					[1031922, "太阳镜", "Sunglasses"],
					[1031923, "光学眼镜架", "Optical Frames"],
				],
			],
			[
				201149004,
				"儿童饰品",
				"Children's Jewelry",
				[
					[201545016, "儿童脚饰", "Children's Anklets"],
					[201553012, "儿童发饰", "Children's Hair Accessories"],
				],
			],
			[127380009, "发饰", "Hair Accessories"],
		],
	],
	[
		312,
		"内衣",
		"Underwear",
		[
			[1031802, "文胸", "Bras"],
			[1031806, "睡衣/家居服", "Pajamas & Loungewear"],
		],
	],
	[
		1038378,
		"鞋",
		"Shoes",
		[
			[1038379, "运动鞋", "Sneakers"],
			[1038380, "凉鞋", "Sandals"],
		],
	],
	[
		1501,
		"数码、电脑",
		"Digital & Computers",
		[
			[1046640, "手机壳", "Phone Cases"],
			[1046641, "数据线", "Charging Cables"],
			[1046652, "蓝牙耳机", "Bluetooth Earphones"],
		],
	],
	[
		13,
		"家居日用品",
		"Home & Daily Use",
		[
			[1032910, "收纳用品", "Storage & Organization"],
			[1032911, "清洁工具", "Cleaning Tools"],
		],
	],
	[
		1813,
		"玩具",
		"Toys",
		[
			[1041350, "毛绒玩具", "Plush Toys"],
			[1041351, "益智玩具", "Educational Toys"],
		],
	],
	[
		97,
		"美容护肤、彩妆",
		"Beauty & Makeup",
		[
			[1031651, "口红", "Lipstick"],
			[1031652, "面膜", "Face Masks"],
		],
	],
];

function flatten(): ReadonlyMap<number, CategoryNode> {
	const nodes = new Map<number, CategoryNode>();
	const visit = (spec: Spec, parentId: number, depth: number, topicIndex: number): void => {
		const [id, name, nameEn, children = []] = spec;
		nodes.set(id, { id, name, nameEn, parentId, depth, childIds: children.map((c) => c[0]), topicIndex });
		for (const child of children) visit(child, id, depth + 1, topicIndex);
	};
	TOP_LEVEL.forEach((spec, index) => {
		visit(spec, 0, 0, index);
	});
	return nodes;
}

const NODES = flatten();

/** Every category of the emulated tree, by id. */
export const CATEGORY_TREE: ReadonlyMap<number, CategoryNode> = NODES;

/** The top-level categories, in the order the info endpoint lists them. */
export const TOP_LEVEL_CATEGORY_IDS: readonly number[] = TOP_LEVEL.map((spec) => spec[0]);

/** The node for an id, or undefined when the id is not in the tree (its items are still generated). */
export function findCategory(id: number): CategoryNode | undefined {
	return NODES.get(id);
}

/** The chain of nodes from the top-level category down to `id` itself; empty for ids not in the tree. */
export function categoryPath(id: number): CategoryNode[] {
	const path: CategoryNode[] = [];
	for (let node = NODES.get(id); node; node = NODES.get(node.parentId)) path.unshift(node);
	return path;
}
