package org.probity.measures.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.probity.measures.results.MeasureOverview;
import org.probity.accounts.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the overview of every measure for the units the user may see on the home page
 * ({@link MeasureOverview}), without the home page depending on the measures. The page of
 * a large estate is {@code ?page=N}; anything else reads as the first page.
 */
@ControllerAdvice(basePackages = "org.probity")
class HomeOverview {

	private final MeasureOverview overview;

	HomeOverview(MeasureOverview overview) {
		this.overview = overview;
	}

	@ModelAttribute("measuresOverview")
	MeasureOverview.Grid measuresOverview(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user) {
		if (user == null || !"/".equals(request.getServletPath())) {
			return null;
		}
		return this.overview.forUser(user, page(request.getParameter("page")), request.getContextPath());
	}

	private static int page(String value) {
		if (value == null || value.length() > 6 || !value.chars().allMatch(Character::isDigit) || value.isEmpty()) {
			return 1;
		}
		return Integer.parseInt(value);
	}

}
