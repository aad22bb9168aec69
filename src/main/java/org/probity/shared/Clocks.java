package org.probity.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Business dates are dates in Europe/London; tests replace this clock with a fixed one.
 */
@Configuration(proxyBeanMethods = false)
public class Clocks {

	/**
	 * For annotations, which need a constant:
	 * {@code @Scheduled(zone = Clocks.LONDON_ZONE)}.
	 */
	public static final String LONDON_ZONE = "Europe/London";

	public static final ZoneId LONDON = ZoneId.of(LONDON_ZONE);

	@Bean
	Clock clock() {
		return Clock.system(LONDON);
	}

}
