package org.probity.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Which section of the header a page belongs to, so that the layout marks it with
 * {@code aria-current} (GOV.UK header pattern): the first part of the path, except the
 * targets (under service levels) and the accounts (under admin), which have their own
 * navigation items.
 */
@ControllerAdvice(basePackages = "org.probity")
class CurrentSection {

	@ModelAttribute("section")
	String section(HttpServletRequest request) {
		return of(request.getRequestURI().substring(request.getContextPath().length()));
	}

	static String of(String path) {
		if (path.startsWith("/measures/targets") || path.matches("/measures/[^/]+/target(/.*)?")) {
			return "targets";
		}
		if (path.startsWith("/admin/accounts")) {
			return "accounts";
		}
		String[] parts = path.split("/");
		return (parts.length > 1) ? parts[1] : "";
	}

}
