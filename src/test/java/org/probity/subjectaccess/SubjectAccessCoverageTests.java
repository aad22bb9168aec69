package org.probity.subjectaccess;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject access request returns everything Probity holds about its subject (UK GDPR
 * article 15), and the disclosure reads only the {@code subject_access_*} views each
 * owner publishes: so a table that names a person and that no such view reads is a table
 * whose rows a request silently leaves out. This guard reads the catalogue after the
 * migrations and finds every table of the public schema that names a subject, and fails
 * unless some {@code subject_access_*} view reads it (directly or through the owner's
 * other views) or it is exempt below with its reason. A migration that adds such a table
 * then either publishes it for subject access or says here why not.
 * <p>
 * A table names a subject when a column names one: a person on probation ({@code crn},
 * {@code crns}), a member of staff (a staff code: {@code staff_code},
 * {@code owner_staff}, {@code audience_staff}, {@code practitioners}), or an account of
 * one (a username: {@code username}, {@code auditor}, {@code author},
 * {@code owner_username}, every {@code *_by} column, and {@code email}); or when a
 * foreign key makes its rows part of a record that names a person on probation or a
 * member of staff (the prompts answered in one case audit, the categories of one
 * complaint). Free text that mentions a CRN or a name is beyond the catalogue: the
 * disclosure searches for those itself.
 */
@IntegrationTest
class SubjectAccessCoverageTests {

	/**
	 * Tables that name a subject and are not disclosed, each with why: no more than a
	 * line, for the data protection officer to read.
	 */
	static final Map<String, String> EXEMPT = Map.ofEntries(
			entry("flyway_schema_history",
					"Flyway's own history: installed_by is the database role that ran a migration, not a person"),
			entry("spring_session",
					"a signed-in web session while it lasts, deleted when it expires (30 minutes unused); the sign-ins are disclosed"),
			entry("sign_in_throttle",
					"failed sign-ins per typed name and address, deleted a day after the last: as often a stranger's name and address as the holder's"),
			entry("measure_event",
					"the events as the measures last counted them: a working copy recomputed from the case data's events, which are disclosed"),
			entry("improvement_recommendation",
					"an inspection's recommendation to a unit and the provider's response: about the service, not the owner of the plan that holds it"),
			entry("improvement_risk_action", "links a risk to an action by their ids and holds nothing else"));

	/** A column that names a person on probation or a member of staff. */
	static final String PERSON_COLUMN = "^(crns?|staff_codes?|practitioners|[a-z0-9_]+_staff)$";

	/** A column that names an account, and so the member of staff who holds it. */
	static final String ACCOUNT_COLUMN = "^(username|owner_username|principal_name|auditor|author|email|[a-z0-9_]+_by)$";

	/**
	 * Every base table of the public schema that names a subject, with what names it: its
	 * subject columns, and the records naming a person that a foreign key makes it part
	 * of.
	 */
	static final String NAMING = """
			with subject_column as (
			    select cast(c.table_name as text) as table_name, cast(c.column_name as text) as column_name,
			           cast(c.column_name as text) ~ cast(:person as text) as names_person
			    from information_schema.columns c
			    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
			    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
			      and (cast(c.column_name as text) ~ cast(:person as text) or cast(c.column_name as text) ~ cast(:account as text))
			), names_person as (
			    select distinct table_name from subject_column where names_person
			), part_of as (
			    select distinct cast(child.relname as text) as table_name, 'part of ' || parent.relname as why
			    from pg_constraint k
			    join pg_class child on child.oid = k.conrelid
			    join pg_class parent on parent.oid = k.confrelid
			    join pg_namespace n on n.oid = child.relnamespace and n.nspname = 'public'
			    where k.contype = 'f' and k.conrelid <> k.confrelid
			      and cast(parent.relname as text) in (select table_name from names_person)
			)
			select table_name, string_agg(why, ', ' order by why) as why
			from (select table_name, column_name as why from subject_column
			      union all select table_name, why from part_of) s
			group by table_name
			order by table_name
			""";

	/**
	 * Every table that a {@code subject_access_*} view reads, through any views between:
	 * the rewrite rule of a view depends on each relation its query names.
	 */
	static final String DISCLOSED = """
			with recursive reads (relid) as (
			    select d.refobjid
			    from pg_class v
			    join pg_namespace n on n.oid = v.relnamespace and n.nspname = 'public'
			    join pg_rewrite r on r.ev_class = v.oid
			    join pg_depend d on d.classid = cast('pg_rewrite' as regclass) and d.objid = r.oid
			     and d.refclassid = cast('pg_class' as regclass) and d.refobjid <> v.oid
			    where v.relkind in ('v', 'm') and v.relname like 'subject\\_access\\_%'
			    union
			    select d.refobjid
			    from reads
			    join pg_rewrite r on r.ev_class = reads.relid
			    join pg_depend d on d.classid = cast('pg_rewrite' as regclass) and d.objid = r.oid
			     and d.refclassid = cast('pg_class' as regclass) and d.refobjid <> reads.relid
			)
			select distinct cast(c.relname as text) from reads join pg_class c on c.oid = reads.relid
			where c.relkind in ('r', 'p')
			order by 1
			""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void everyTableThatNamesASubjectIsReadByASubjectAccessViewOrSaysWhyNot() {
		Map<String, String> naming = naming();
		Set<String> disclosed = disclosed();
		Map<String, String> undisclosed = new TreeMap<>(naming);
		undisclosed.keySet().removeAll(disclosed);
		undisclosed.keySet().removeAll(EXEMPT.keySet());
		assertThat(undisclosed)
			.as(() -> "Tables that name a subject but that no subject_access_* view reads:"
					+ " publish a view of each in its owner's migrations and disclose it (SubjectAccessRequests),"
					+ " or exempt it in SubjectAccessCoverageTests.EXEMPT with the reason\n" + lines(undisclosed))
			.isEmpty();
	}

	@Test
	void everyExemptTableStillNamesASubjectAndIsStillNotDisclosed() {
		Map<String, String> naming = naming();
		Set<String> disclosed = disclosed();
		assertThat(EXEMPT.keySet()).as("exempt tables that no longer name a subject: remove them from EXEMPT")
			.allSatisfy((table) -> assertThat(naming).containsKey(table));
		assertThat(EXEMPT.keySet()).as("exempt tables that are disclosed after all: remove them from EXEMPT")
			.doesNotContainAnyElementsOf(disclosed);
	}

	@Test
	void aTableNamingASubjectByAColumnOrAsPartOfARecordIsFoundAndAViewOfItCounts() {
		record Found(Map<String, String> naming, Set<String> disclosed) {
		}
		Found found = new TransactionTemplate(this.transactions).execute((status) -> {
			status.setRollbackOnly();
			this.jdbc.sql("create table probe_case (probe_id bigint primary key, crn char(7))").update();
			this.jdbc.sql("create table probe_part (probe_id bigint references probe_case (probe_id), note text)")
				.update();
			this.jdbc.sql("create table probe_stamp (label text, reviewed_by text)").update();
			this.jdbc.sql("create table probe_plain (label text, owner_role text)").update();
			this.jdbc
				.sql("create view probe_inner as select p.probe_id, p.note, c.crn from probe_part p"
						+ " join probe_case c on c.probe_id = p.probe_id")
				.update();
			this.jdbc.sql("create view subject_access_probe as select * from probe_inner").update();
			return new Found(naming(), disclosed());
		});
		assertThat(found.naming()).containsEntry("probe_case", "crn")
			.containsEntry("probe_part", "part of probe_case")
			.containsEntry("probe_stamp", "reviewed_by")
			.doesNotContainKey("probe_plain");
		assertThat(found.disclosed()).contains("probe_case", "probe_part").doesNotContain("probe_stamp");
	}

	private Map<String, String> naming() {
		record Naming(String tableName, String why) {
		}
		Map<String, String> naming = new TreeMap<>();
		this.jdbc.sql(NAMING)
			.param("person", PERSON_COLUMN)
			.param("account", ACCOUNT_COLUMN)
			.query(Naming.class)
			.list()
			.forEach((n) -> naming.put(n.tableName(), n.why()));
		return naming;
	}

	private Set<String> disclosed() {
		return new TreeSet<>(this.jdbc.sql(DISCLOSED).query(String.class).list());
	}

	private static String lines(Map<String, String> tables) {
		StringBuilder text = new StringBuilder();
		tables.forEach((table, why) -> text.append("  ").append(table).append(": ").append(why).append('\n'));
		return text.toString();
	}

}
