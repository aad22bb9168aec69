package org.probity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table has one owner, the module whose migration folder creates it, and the module
 * boundaries hold in SQL too (conventions, "Every table has one owner"): SQL of one
 * module, in {@code resources/sql/<module>/} and in the Java string literals and text
 * blocks of {@code org.probity.<module>}, names another module's table or view only when
 * the owner publishes it, in a migration whose name ends in {@code _views.sql}. The
 * kernel's tables ({@code shared}: the business calendar) are read by every module.
 * {@code ApplicationModules.verify()} cannot see SQL; this test does.
 */
class TableOwnershipTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path SQL = Path.of("src/main/resources/sql");

	private static final Path JAVA = Path.of("src/main/java/org/probity");

	private static final Pattern CREATES = Pattern.compile(
			"\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NAMES = Pattern.compile(
			"\\b(?:from|join|into|update|table|truncate|analyze|references)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern LITERALS = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	record Relation(String name, String owner, boolean published) {
	}

	@Test
	void everyModuleNamesOnlyItsOwnTablesAndTheViewsOthersPublish() throws IOException {
		Map<String, Relation> relations = relations();
		List<String> crossings = new ArrayList<>();
		for (Path file : files(SQL, ".sql")) {
			String module = SQL.relativize(file).getName(0).toString();
			crossings.addAll(crossings(module, file, Files.readString(file, StandardCharsets.UTF_8), relations));
		}
		for (Path file : files(JAVA, ".java")) {
			Path relative = JAVA.relativize(file);
			if (relative.getNameCount() < 2) {
				continue;
			}
			String module = relative.getName(0).toString();
			crossings
				.addAll(crossings(module, file, literals(Files.readString(file, StandardCharsets.UTF_8)), relations));
		}
		assertThat(relations).as("tables found in the migrations").isNotEmpty();
		assertThat(crossings).as("SQL naming another module's unpublished table or view").isEmpty();
	}

	@Test
	void everyTableHasOneOwner() throws IOException {
		Map<String, Set<String>> owners = new HashMap<>();
		for (Path file : files(MIGRATIONS, ".sql")) {
			String module = MIGRATIONS.relativize(file).getName(0).toString();
			Matcher m = CREATES.matcher(Files.readString(file, StandardCharsets.UTF_8));
			while (m.find()) {
				owners.computeIfAbsent(m.group(2).toLowerCase(Locale.ROOT), (k) -> new TreeSet<>()).add(module);
			}
		}
		assertThat(owners).as("tables and views created by more than one module")
			.allSatisfy((name, modules) -> assertThat(modules).as(name).hasSize(1));
	}

	@Test
	void aCrossingIsFound() {
		Map<String, Relation> relations = Map.of("event", new Relation("event", "cases", false), "case_event_holder",
				new Relation("case_event_holder", "cases", true));
		assertThat(crossings("measures", Path.of("x.sql"), "select * from event e join case_event_holder h on true",
				relations))
			.containsExactly("measures x.sql names event (owned by cases)");
		assertThat(crossings("cases", Path.of("x.sql"), "select * from event", relations)).isEmpty();
		assertThat(literals("String s = \"select 1 from event\"; // from comment")).contains("select 1 from event")
			.doesNotContain("comment");
	}

	private static Map<String, Relation> relations() throws IOException {
		Map<String, Relation> relations = new HashMap<>();
		for (Path file : files(MIGRATIONS, ".sql")) {
			String module = MIGRATIONS.relativize(file).getName(0).toString();
			boolean publishes = file.getFileName().toString().endsWith("_views.sql");
			Matcher m = CREATES.matcher(Files.readString(file, StandardCharsets.UTF_8));
			while (m.find()) {
				boolean view = m.group(1).equalsIgnoreCase("view");
				String name = m.group(2).toLowerCase(Locale.ROOT);
				relations.put(name, new Relation(name, module, "shared".equals(module) || (view && publishes)));
			}
		}
		return relations;
	}

	static List<String> crossings(String module, Path file, String sql, Map<String, Relation> relations) {
		Set<String> found = new TreeSet<>();
		Matcher m = NAMES.matcher(sql);
		while (m.find()) {
			Relation relation = relations.get(m.group(1).toLowerCase(Locale.ROOT));
			if (relation != null && !relation.owner().equals(module) && !relation.published()) {
				found.add(module + " " + file.getFileName() + " names " + relation.name() + " (owned by "
						+ relation.owner() + ")");
			}
		}
		return new ArrayList<>(found);
	}

	/** The string literals and text blocks of a Java source, comments left out. */
	static String literals(String java) {
		String code = java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
		StringBuilder text = new StringBuilder();
		Matcher m = LITERALS.matcher(code);
		while (m.find()) {
			text.append(' ').append((m.group(1) != null) ? m.group(1) : m.group(2));
		}
		return text.toString();
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter((p) -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

}
