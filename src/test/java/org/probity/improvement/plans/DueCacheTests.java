package org.probity.improvement.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's due actions are counted again when the change sequence has moved, when
 * the day, the scope or the list asked for differs, and after {@link DueCache#LONGEST}
 * whatever happened; and not otherwise.
 */
class DueCacheTests {

	private final AtomicLong now = new AtomicLong(1_000);

	private final DueCache cache = new DueCache(this.now::get);

	private final AtomicInteger counted = new AtomicInteger();

	private final LocalDate day = LocalDate.of(2026, 12, 1);

	private Actions.Due count() {
		return new Actions.Due(this.counted.incrementAndGet(), 0, List.of());
	}

	private static DueCache.Key key(LocalDate day, String... units) {
		return DueCache.Key.of(new PlanScope.Filter("a.unit_code = any (cast(:scope_units as text[]))",
				Map.of("scope_units", units, "scope_staff", "N54A001")), day, 3);
	}

	@Test
	void theSameScopeDayAndVersionAreCountedOnce() {
		// a new array of the same units each time, as each request builds its scope
		assertThat(this.cache.get(key(this.day, "N54T12", "N54T13"), 7, this::count).red()).isEqualTo(1);
		assertThat(this.cache.get(key(this.day, "N54T12", "N54T13"), 7, this::count).red()).isEqualTo(1);
		assertThat(this.counted).hasValue(1);
	}

	@Test
	void aMovedSequenceIsCountedAgain() {
		this.cache.get(key(this.day, "N54T12"), 7, this::count);
		assertThat(this.cache.get(key(this.day, "N54T12"), 8, this::count).red()).isEqualTo(2);
		assertThat(this.cache.get(key(this.day, "N54T12"), 8, this::count).red()).isEqualTo(2);
	}

	@Test
	void anotherDayScopeOrListIsCountedOnItsOwn() {
		this.cache.get(key(this.day, "N54T12"), 7, this::count);
		this.cache.get(key(this.day.plusDays(1), "N54T12"), 7, this::count);
		this.cache.get(key(this.day, "N54T13"), 7, this::count);
		this.cache.get(DueCache.Key.of(new PlanScope.Filter("true", Map.of()), this.day, 3), 7, this::count);
		this.cache.get(DueCache.Key.of(new PlanScope.Filter("true", Map.of()), this.day, 1000), 7, this::count);
		assertThat(this.counted).hasValue(5);
		assertThat(this.cache.get(key(this.day, "N54T12"), 7, this::count).red()).isEqualTo(1);
	}

	@Test
	void nothingIsUsedLongerThanTheLongest() {
		this.cache.get(key(this.day, "N54T12"), 7, this::count);
		this.now.addAndGet(DueCache.LONGEST.toNanos() - 1);
		assertThat(this.cache.get(key(this.day, "N54T12"), 7, this::count).red()).isEqualTo(1);
		this.now.addAndGet(1);
		assertThat(this.cache.get(key(this.day, "N54T12"), 7, this::count).red()).isEqualTo(2);
	}

	@Test
	void theLeastRecentlyUsedScopeGoesFirst() {
		this.cache.get(key(this.day, "N54T00"), 7, this::count);
		for (int i = 1; i <= DueCache.ENTRIES; i++) {
			this.cache.get(key(this.day, "U" + i), 7, this::count);
			// the first scope stays in use
			this.cache.get(key(this.day, "N54T00"), 7, this::count);
		}
		int before = this.counted.get();
		this.cache.get(key(this.day, "N54T00"), 7, this::count);
		this.cache.get(key(this.day, "U" + DueCache.ENTRIES), 7, this::count);
		assertThat(this.counted).as("both still kept").hasValue(before);
		this.cache.get(key(this.day, "U1"), 7, this::count);
		assertThat(this.counted).as("the least recently used was dropped").hasValue(before + 1);
	}

}
