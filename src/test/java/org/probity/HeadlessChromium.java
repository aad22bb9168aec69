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

	public static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--no-first-run")));
	}

}
