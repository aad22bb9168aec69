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
import java.util.TreeMap;
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
 * <p>
 * A table name that SQL takes at run time ({@code "insert into %1$s"},
 * {@code "analyze " + table}) is not in the SQL text, so the scan cannot see it there; it
 * sees where the name comes from instead: a module whose SQL takes table names at run
 * time, or that hands them to the kernel's engines that do ({@code TableMerge},
 * {@code BulkWrites}), holds only its own table names in its constants.
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

	/** A keyword before a table name, then a name filled in at run time. */
	private static final Pattern RUN_TIME_NAME = Pattern.compile(
			"\\b(?:from|join|into|update|table|truncate|analyze|references)\\s+(?:only\\s+)?(?:(?<placeholder>%(?:\\d+\\$)?s)|$)");

	/** SQL as this code base writes it: lower-case statements. */
	private static final Pattern SQL_VERB = Pattern
		.compile("\\b(?:select|insert|update|delete|analyze|truncate|alter|create|drop)\\b");

	/**
	 * What opens the argument list that holds a constant: a constructor, a collection
	 * factory, an enum constant or a format; or an initialiser.
	 */
	private static final Pattern CONSTANT = Pattern.compile(
			"(?:\\bnew\\s+[\\w.<>]+\\s*\\(|\\b(?:of|asList|entry|formatted|format)\\s*\\(|(?m:^)\\s*[A-Z][A-Z0-9_]*\\s*\\(|=)\\s*$");

	record Relation(String name, String owner, boolean published) {
	}

	/** A string literal or text block of a Java source, where it starts and ends. */
	record Literal(String text, int start, int end, boolean textBlock) {
	}

	/**
	 * The literals of a Java source, and the source with literals and comments blanked.
	 */
	record JavaText(List<Literal> literals, String code) {
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
	void tableNamesThatSqlTakesAtRunTimeComeFromTheirOwners() throws IOException {
		Map<String, Relation> relations = relations();
		Map<String, Map<Path, JavaText>> modules = new TreeMap<>();
		for (Path file : files(JAVA, ".java")) {
			Path relative = JAVA.relativize(file);
			if (relative.getNameCount() >= 2) {
				modules.computeIfAbsent(relative.getName(0).toString(), (k) -> new TreeMap<>())
					.put(file, lex(Files.readString(file, StandardCharsets.UTF_8)));
			}
		}
		Set<String> engines = new TreeSet<>();
		modules.getOrDefault("shared", Map.of()).forEach((file, java) -> {
			if (takesTableNamesAtRunTime(java)) {
				engines.add(file.getFileName().toString().replace(".java", ""));
			}
		});
		assertThat(engines).as("the kernel's engines that take table names at run time").contains("BulkWrites");
		List<String> crossings = new ArrayList<>();
		modules.forEach((module, sources) -> {
			if (sources.values().stream().anyMatch((java) -> takesTableNamesAtRunTime(java) || uses(java, engines))) {
				sources.forEach((file, java) -> crossings.addAll(constantNames(module, file, java, relations)));
			}
		});
		assertThat(crossings).as("another module's table names held where SQL takes table names at run time").isEmpty();
	}

	@Test
	void aTableNameGivenAtRunTimeIsFound() {
		Map<String, Relation> relations = Map.of("event", new Relation("event", "cases", false), "case_event",
				new Relation("case_event", "cases", true));
		assertThat(takesTableNamesAtRunTime(lex("String sql = \"analyze \" + format.table();"))).isTrue();
		assertThat(takesTableNamesAtRunTime(lex("String sql = \"\"\"\n  insert into %1$s (%2$s)\n\"\"\";"))).isTrue();
		assertThat(takesTableNamesAtRunTime(lex("String sql = \"select * from event\";"))).isFalse();
		assertThat(takesTableNamesAtRunTime(lex("String words = \"Blocked from \" + since;"))).isFalse();
		assertThat(uses(lex("private final TableMerge merge;"), Set.of("TableMerge"))).isTrue();
		assertThat(constantNames("imports", Path.of("X.java"), lex("""
				static final X EVENTS = new X("event", "event_id");
				static final String TABLE = "event";
				static final String VIEW = "case_event";
				void show(Model model) { model.addAttribute("event", e); jdbc.param("event", id); }
				"""), relations)).containsExactly("imports X.java holds event (owned by cases) in a constant",
				"imports X.java holds event (owned by cases) in a constant");
		assertThat(
				constantNames("cases", Path.of("X.java"), lex("static final X EVENTS = new X(\"event\");"), relations))
			.isEmpty();
		assertThat(lex("char q = '\"'; String s = \"it's \\\" from\"; // \"event\"").literals())
			.extracting(Literal::text)
			.containsExactly("it's \\\" from");
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

	/**
	 * Whether the source builds SQL around a table name given at run time: a keyword that
	 * a table name follows, then a format placeholder or the end of the literal, which is
	 * concatenated with what follows.
	 */
	static boolean takesTableNamesAtRunTime(JavaText java) {
		for (Literal literal : java.literals()) {
			if (!SQL_VERB.matcher(literal.text()).find()) {
				continue;
			}
			Matcher m = RUN_TIME_NAME.matcher(literal.text());
			while (m.find()) {
				if (m.group("placeholder") != null
						|| java.code().substring(literal.end()).stripLeading().startsWith("+")) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether the source names one of the classes. */
	static boolean uses(JavaText java, Set<String> classes) {
		return classes.stream().anyMatch((name) -> Pattern.compile("\\b" + name + "\\b").matcher(java.code()).find());
	}

	/**
	 * Another module's unpublished table names held in constants: an initialiser, or an
	 * argument of a constructor, an enum constant, a collection factory or a format.
	 */
	static List<String> constantNames(String module, Path file, JavaText java, Map<String, Relation> relations) {
		List<String> found = new ArrayList<>();
		for (Literal literal : java.literals()) {
			Relation relation = relations.get(literal.text());
			if (literal.textBlock() || relation == null || relation.owner().equals(module) || relation.published()) {
				continue;
			}
			String before = java.code().substring(0, literal.start());
			int open = openingParenthesis(before);
			String opening = (open >= 0) ? before.substring(Math.max(0, open - 80), open + 1) : before;
			if (CONSTANT.matcher(opening).find() || before.stripTrailing().endsWith("=")) {
				found.add(module + " " + file.getFileName() + " holds " + relation.name() + " (owned by "
						+ relation.owner() + ") in a constant");
			}
		}
		return found;
	}

	/** The parenthesis that the end of the code is inside, in the same statement. */
	private static int openingParenthesis(String code) {
		int depth = 0;
		for (int i = code.length() - 1; i >= 0; i--) {
			char c = code.charAt(i);
			if (c == ')') {
				depth++;
			}
			else if (c == '(') {
				if (depth == 0) {
					return i;
				}
				depth--;
			}
			else if (depth == 0 && (c == ';' || c == '{' || c == '}')) {
				return -1;
			}
		}
		return -1;
	}

	/**
	 * Reads a Java source: its string literals and text blocks (escapes left as written),
	 * and the code with comments, character literals and the text of literals blanked to
	 * spaces, so that positions in one are positions in the other.
	 */
	static JavaText lex(String java) {
		List<Literal> literals = new ArrayList<>();
		StringBuilder code = new StringBuilder(java);
		int i = 0;
		int n = java.length();
		while (i < n) {
			char c = java.charAt(i);
			if (java.startsWith("//", i)) {
				int end = java.indexOf('\n', i);
				end = (end < 0) ? n : end;
				blank(code, i, end);
				i = end;
			}
			else if (java.startsWith("/*", i)) {
				int end = java.indexOf("*/", i + 2);
				end = (end < 0) ? n : end + 2;
				blank(code, i, end);
				i = end;
			}
			else if (java.startsWith("\"\"\"", i)) {
				int end = i + 3;
				while (end < n && !java.startsWith("\"\"\"", end)) {
					end += (java.charAt(end) == '\\') ? 2 : 1;
				}
				end = Math.min(end, n);
				literals.add(new Literal(java.substring(i + 3, end), i, Math.min(end + 3, n), true));
				blank(code, i + 3, end);
				i = Math.min(end + 3, n);
			}
			else if (c == '"' || c == '\'') {
				int end = i + 1;
				while (end < n && java.charAt(end) != c && java.charAt(end) != '\n') {
					end += (java.charAt(end) == '\\') ? 2 : 1;
				}
				end = Math.min(end, n);
				if (c == '"') {
					literals.add(new Literal(java.substring(i + 1, end), i, Math.min(end + 1, n), false));
					blank(code, i + 1, end);
				}
				else {
					blank(code, i, Math.min(end + 1, n));
				}
				i = Math.min(end + 1, n);
			}
			else {
				i++;
			}
		}
		return new JavaText(literals, code.toString());
	}

	private static void blank(StringBuilder code, int from, int to) {
		for (int i = from; i < to; i++) {
			if (code.charAt(i) != '\n') {
				code.setCharAt(i, ' ');
			}
		}
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
