package org.probity.measures.results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small cache of results read from the database, each kept with the version of the
 * results it was read at ({@code measure_state.version}, which every recomputation moves
 * on, on whichever node it runs): an entry is used only while that version is still
 * current, so no node serves figures older than the database's. Least recently used
 * entries are dropped first.
 */
final class RecentResults {

	private record Read(long version, Object value) {
	}

	private final Map<Object, Read> entries;

	RecentResults(int capacity) {
		this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Object, Read> eldest) {
				return size() > capacity;
			}
		};
	}

	@SuppressWarnings("unchecked")
	<T> T get(Object key, long version, Supplier<T> read) {
		synchronized (this.entries) {
			Read entry = this.entries.get(key);
			if (entry != null && entry.version() == version) {
				return (T) entry.value();
			}
		}
		T value = read.get();
		synchronized (this.entries) {
			this.entries.put(key, new Read(version, value));
		}
		return value;
	}

}
