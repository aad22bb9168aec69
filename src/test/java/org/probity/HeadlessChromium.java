package org.probity;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's chromium for the page journeys, started headless with the flags this sandbox
 * needs (no sandboxing as root, and no background connections, which the closed network
 * refuses). Nothing is downloaded: the README's test command installs the browser.
 */
public final class HeadlessChromium {

	public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

	private HeadlessChromium() {
	}

	/** WCAG 2.2 A and AA rules of axe-core that fail on the page, by rule and element. */
	public static List<String> accessibilityViolations(com.microsoft.playwright.Page page) {
		return new com.deque.html.axecore.playwright.AxeBuilder(page)
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze()
			.getViolations()
			.stream()
			.map((v) -> v.getId() + ": "
					+ v.getNodes().stream().map((n) -> String.valueOf(n.getTarget())).limit(3).toList())
			.toList();
	}

	public static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--no-first-run")));
	}

}
