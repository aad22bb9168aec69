package org.probity.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Probity's own stylesheet and scripts, and GOV.UK Frontend's fonts and images (its
 * stylesheet asks for them under {@code /assets/}). Static files are served from these
 * paths only, not from {@code /**} ({@code spring.mvc.static-path-pattern}): every link a
 * page renders is checked against the static paths, and a catch-all pattern made each
 * link of a page a class path lookup.
 */
@Configuration(proxyBeanMethods = false)
class WebAssets implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/")
			.resourceChain(true);
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
		// the exchange format's description and a header-only template per dataset, for
		// the import page (signed-in staff only, as every page not listed as open)
		registry.addResourceHandler("/exchange-templates/**")
			.addResourceLocations("classpath:/static/exchange-templates/")
			.resourceChain(true);
	}

}
