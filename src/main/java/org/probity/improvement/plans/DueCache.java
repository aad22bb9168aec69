package org.probity.improvement.plans;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The home page's overdue and due-soon actions ({@link Actions#due}) kept on this node
 * per scope, day and length of list, while nothing they are counted from has changed:
 * every statement that writes an action, an action's update or a plan, on any node, moves
 * the database's {@code improvement_change} sequence on (V1_12_50), and an entry is used
 * only while the sequence still reads what it read before the entry was counted. So a
 * change is seen on every node's next home page, and the counts are read again only after
 * one.
 * <p>
 * A sequence moves when the writing statement runs, before its transaction commits: a
 * count made in between would not see the change and be kept under the new value. An
 * entry is therefore used for {@link #LONGEST} at most. Nothing kept here is another
 * node's: each node counts for itself.
 */
final class DueCache {

	/** The longest an entry is used, changed or not. */
	static final Duration LONGEST = Duration.ofSeconds(30);

	/** Scopes kept at most (the least recently used goes first). */
	static final int ENTRIES = 1_000;

	/**
	 * What the counts were asked for: the scope's condition and values, the day, the
	 * list.
	 */
	record Key(String sql, Map<String, Object> params, LocalDate asOf, int listed) {

		static Key of(PlanScope.Filter scope, LocalDate asOf, int listed) {
			// arrays compared by their elements, not their identity
			Map<String, Object> params = new TreeMap<>();
			scope.params()
				.forEach((name, value) -> params.put(name,
						(value instanceof Object[] array) ? Arrays.asList(array) : value));
			return new Key(scope.sql(), params, asOf, listed);
		}

	}

	/**
	 * Counted with the sequence at {@code version}, at {@code countedAt} (nanoTime); the
	 * actions listed as read, before the user's view of them ({@link PlanScope#shown}).
	 */
	private record Kept(long version, long countedAt, Actions.Due due) {
	}

	private final LongSupplier nanoTime;

	private final Map<Key, Kept> entries = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
			return size() > ENTRIES;
		}

	};

	DueCache() {
		this(System::nanoTime);
	}

	/** With another clock (tests). */
	DueCache(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/**
	 * What was kept for the key if it was counted at this version of the sequence less
	 * than {@link #LONGEST} ago, else what {@code count} counts now, kept.
	 */
	Actions.Due get(Key key, long version, Supplier<Actions.Due> count) {
		Kept kept;
		synchronized (this.entries) {
			kept = this.entries.get(key);
		}
		if (kept != null && kept.version() == version
				&& this.nanoTime.getAsLong() - kept.countedAt() < LONGEST.toNanos()) {
			return kept.due();
		}
		long countedAt = this.nanoTime.getAsLong();
		Actions.Due counted = count.get();
		synchronized (this.entries) {
			this.entries.put(key, new Kept(version, countedAt, counted));
		}
		return counted;
	}

}
