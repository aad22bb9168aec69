package org.probity.audits.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHandlersSecurityTests {

	@Test
	void everyAuditHandlerMethodStatesWhoMayCallIt() {
		List<String> missing = new ArrayList<>();
		for (Class<?> type : List.of(AuditsApi.class, AuditPages.class, AuditFormPages.class, AlertPages.class,
				RatingPages.class)) {
			for (Method method : type.getDeclaredMethods()) {
				if (AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)
						&& !method.isAnnotationPresent(PreAuthorize.class)
						&& !type.isAnnotationPresent(PreAuthorize.class)) {
					missing.add(type.getSimpleName() + "." + method.getName());
				}
			}
		}
		assertThat(missing).isEmpty();
	}

}
