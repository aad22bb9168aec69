package org.probity;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint states who may call it (the HMPPS ResourceSecurityTest idea): a handler
 * method of Probity without {@code @PreAuthorize}, {@code @Secured} or
 * {@code @RolesAllowed} on itself or its class fails the build. Framework handlers
 * outside {@code org.probity} (the error controller, springdoc) are left to the filter
 * chain.
 */
@IntegrationTest
class ResourceSecurityTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyHandlerMethodStatesWhoMayCallIt() {
		Map<RequestMappingInfo, HandlerMethod> handlers = this.mappings.getHandlerMethods();
		List<String> unstated = handlers.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().getBeanType().getName().startsWith("org.probity."))
			.filter((entry) -> !statesWhoMayCall(entry.getValue()))
			.map((entry) -> entry.getValue().getBeanType().getSimpleName() + "."
					+ entry.getValue().getMethod().getName() + " " + entry.getKey())
			.sorted()
			.toList();

		assertThat(handlers).isNotEmpty();
		assertThat(unstated).as("handler methods without @PreAuthorize, @Secured or @RolesAllowed").isEmpty();
	}

	@Test
	void probityHandlersAreFound() {
		assertThat(this.mappings.getHandlerMethods().values())
			.anySatisfy((handler) -> assertThat(handler.getBeanType().getName()).startsWith("org.probity."));
	}

	private static boolean statesWhoMayCall(HandlerMethod handler) {
		Method method = handler.getMethod();
		Class<?> type = handler.getBeanType();
		return annotated(method) || annotated(type);
	}

	private static boolean annotated(java.lang.reflect.AnnotatedElement element) {
		return AnnotatedElementUtils.hasAnnotation(element, PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(element, Secured.class)
				|| AnnotatedElementUtils.hasAnnotation(element, RolesAllowed.class);
	}

}
