/** How much work {@link createChatQueues} takes on at once. */
export interface ChatQueueLimits {
	/** Work items running at once over all chats; the rest wait their turn in arrival order. */
	readonly maxConcurrent: number;
	/** Items of one chat waiting behind the one running; more are refused, so one chat cannot grow memory. */
	readonly maxQueuedPerChat: number;
	/** Items waiting over all chats; more are refused. */
	readonly maxQueued: number;
	/**
	 * The longest one item holds its chat and its slot. A slower one keeps running, but its chat's next item
	 * and other chats may go ahead, so a handler that hangs cannot stall a chat, or with enough of them, the bot.
	 */
	readonly holdMs: number;
}

/** Per-chat queues in front of a shared pool of slots. */
export interface ChatQueues {
	/**
	 * Runs `work` after every earlier item of the same chat, once a slot is free. Resolves when `work` has
	 * settled (its rejection is swallowed: work reports its own errors); undefined, and nothing runs, when
	 * the chat or the whole queue is full.
	 */
	push(chat: string, work: () => Promise<void>): Promise<void> | undefined;
	/** Chats with an item running or waiting; idle chats are forgotten. */
	readonly chats: number;
	/** Items waiting for their turn. */
	readonly waiting: number;
}

interface Chat {
	/** Items of the chat not yet finished (or released), the running one included. */
	size: number;
	/** Settles when the chat's latest item has finished or been released. */
	tail: Promise<void>;
}

/** Resolves true when `promise` has not settled within `ms`. */
function outlasts(promise: Promise<void>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<boolean>((resolve) => {
		timer = setTimeout(() => resolve(true), ms);
	});
	return Promise.race([promise.then(() => false), late]).finally(() => clearTimeout(timer));
}

/**
 * Orders work per chat and caps it overall: the items of one chat run one at a time in the order they were
 * pushed, items of different chats run side by side, at most `maxConcurrent` at a time. `onLate` is told
 * when an item passes `holdMs` and stops holding its chat.
 */
export function createChatQueues(limits: ChatQueueLimits, onLate?: (chat: string) => void): ChatQueues {
	const chats = new Map<string, Chat>();
	const slotWaiters: Array<() => void> = [];
	let running = 0;
	let waiting = 0;

	async function takeSlot(): Promise<void> {
		if (running < limits.maxConcurrent) {
			running += 1;
			return;
		}
		// The releasing item hands its slot over directly, so `running` stays as it is.
		await new Promise<void>((resolve) => slotWaiters.push(resolve));
	}

	function releaseSlot(): void {
		const next = slotWaiters.shift();
		if (next) next();
		else running -= 1;
	}

	return {
		push(key, work) {
			const chat = chats.get(key) ?? { size: 0, tail: Promise.resolve() };
			if (chat.size > limits.maxQueuedPerChat || waiting >= limits.maxQueued) return undefined;
			chats.set(key, chat);
			chat.size += 1;
			waiting += 1;
			let finished: Promise<void> = Promise.resolve();
			const turn = chat.tail.then(async () => {
				await takeSlot();
				waiting -= 1;
				finished = Promise.resolve()
					.then(work)
					.catch(() => undefined);
				if (await outlasts(finished, limits.holdMs)) onLate?.(key);
				releaseSlot();
			});
			chat.tail = turn;
			return turn.then(() => {
				chat.size -= 1;
				if (chat.size === 0) chats.delete(key);
				return finished;
			});
		},
		get chats() {
			return chats.size;
		},
		get waiting() {
			return waiting;
		},
	};
}
