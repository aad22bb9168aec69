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

	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Bean
	Clock clock() {
		return Clock.system(LONDON);
	}

}
