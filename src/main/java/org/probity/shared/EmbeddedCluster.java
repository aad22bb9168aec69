package org.probity.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one data directory, started so that it survives a crash of
 * the Probity process and holds its data the way a real server would.
 *
 * <ul>
 * <li><b>An orphaned server is stopped first.</b> After {@code kill -9} of Probity its
 * PostgreSQL keeps running and holds the data directory. Before starting, the
 * {@code postmaster.pid} of the directory is read; when its pid is alive and is a
 * {@code postgres} process working in this very directory, it is asked for a fast
 * shutdown (SIGINT, what {@code pg_ctl stop -m fast} sends: open transactions, such as an
 * interrupted import, roll back), and then, if it is still there after 30 s, for an
 * immediate one (SIGQUIT, recovered from the write-ahead log at the next start). A pid
 * that is not such a process is a stale file and is removed; nothing else is ever
 * signalled.</li>
 * <li><b>Durable.</b> fsync and synchronous commit stay on (zonky passes {@code -F},
 * which is overridden); only {@code durable = false}, asked for by throw-away test and
 * benchmark databases, turns them off.</li>
 * <li><b>Password authentication.</b> Two passwords are generated once into the data
 * directory ({@value #SUPERUSER_PASSWORD_FILE} and {@value #PROBITY_PASSWORD_FILE}, mode
 * 600); {@code pg_hba.conf} asks every connection, local or TCP, for SCRAM-SHA-256. A new
 * cluster is initialised that way ({@code initdb --auth=scram-sha-256 --pwfile}), so it
 * never trusts anyone, even for a moment.</li>
 * <li><b>Not a superuser.</b> Probity connects as the role {@value #ROLE}, created on
 * first start, which owns its database and schema and nothing else: no superuser, no role
 * or database creation.</li>
 * </ul>
 *
 * A data directory of the old kind (trust authentication, Probity's tables in database
 * {@code postgres} owned by the superuser) is migrated in place at its first start: the
 * passwords are set, database {@code postgres}, its schema {@code public} and everything
 * in it are handed to {@value #ROLE} in one transaction (so the data stays where it is,
 * nothing is copied and nothing is rebuilt), then {@code pg_hba.conf} is rewritten and
 * reloaded. Such a directory keeps using database {@code postgres}; new ones use database
 * {@value #ROLE}. Which one a directory uses is read from the catalogue at every start
 * (database {@value #ROLE} exists, or database {@code postgres} is owned by
 * {@value #ROLE}).
 */
final class EmbeddedCluster implements AutoCloseable {

	static final String ROLE = "probity";

	static final String SUPERUSER_PASSWORD_FILE = "pg-superuser-password";

	static final String PROBITY_PASSWORD_FILE = "pg-probity-password";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PASSWORD_HBA = """
			# Written by Probity (EmbeddedCluster): every connection signs in with a password.
			local   all             all                                     scram-sha-256
			host    all             all             127.0.0.1/32            scram-sha-256
			host    all             all             ::1/128                 scram-sha-256
			local   replication     all                                     scram-sha-256
			host    replication     all             127.0.0.1/32            scram-sha-256
			host    replication     all             ::1/128                 scram-sha-256
			""";

	private final EmbeddedPostgres postgres;

	private final String database;

	private final String password;

	/** The directory of a throw-away cluster, removed on close; null otherwise. */
	private final Path throwAway;

	private EmbeddedCluster(EmbeddedPostgres postgres, String database, String password, Path throwAway) {
		this.postgres = postgres;
		this.database = database;
		this.password = password;
		this.throwAway = throwAway;
	}

	/**
	 * Starts the PostgreSQL of {@code directory} (its data in {@code directory/pg}).
	 * @param clean start from an empty cluster (throw-away test databases)
	 * @param durable keep fsync and synchronous commit on (off only for throw-away data)
	 */
	static EmbeddedCluster start(Path directory, boolean clean, boolean durable) throws IOException {
		return start(directory, clean, durable, 0);
	}

	/**
	 * As {@link #start(Path, boolean, boolean)}, on the given port (0: any free one):
	 * tests start a stopped cluster again where its clients look for it.
	 */
	static EmbeddedCluster start(Path directory, boolean clean, boolean durable, int port) throws IOException {
		Files.createDirectories(directory);
		Path pg = directory.resolve("pg");
		boolean existing = !clean && Files.exists(pg.resolve("postgresql.conf"));
		if (existing) {
			stopOrphanedServer(pg);
		}
		Path superuserFile = directory.resolve(SUPERUSER_PASSWORD_FILE);
		String superuser = readOrCreatePassword(superuserFile);
		String probity = readOrCreatePassword(directory.resolve(PROBITY_PASSWORD_FILE));
		boolean trusting = existing && trusts(pg);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(pg)
			.setCleanDataDirectory(clean)
			// Spring stops it after the beans that use it; a hook of its own would stop
			// it first and leave shutdown waiting for connections.
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			// PostgreSQL's own code-point collation: text sorts as with the C.UTF-8 of
			// most systems' C libraries, compared byte by byte rather than through
			// strcoll (BENCHMARKS.md: index builds and key inserts on codes a third
			// faster).
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8")
			// Read by initdb only (zonky passes these as --name=value after its own
			// "-A trust", and the last one wins): a new cluster asks for passwords from
			// its very first start.
			.setLocaleConfig("auth", "scram-sha-256")
			.setLocaleConfig("pwfile", superuserFile.toString())
			// zonky's readiness check signs in as the superuser.
			.setConnectConfig("password", superuser)
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("work_mem", "64MB")
			.setServerConfig("maintenance_work_mem", "256MB")
			.setServerConfig("max_wal_size", "4GB")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setServerConfig("fsync", durable ? "on" : "off")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.setServerConfig("full_page_writes", durable ? "on" : "off");
		if (port != 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		try {
			String database = prepare(postgres, pg, superuser, probity, trusting, durable);
			return new EmbeddedCluster(postgres, database, probity, clean ? directory : null);
		}
		catch (SQLException | RuntimeException ex) {
			postgres.close();
			throw new IllegalStateException("Could not prepare the embedded PostgreSQL in " + pg, ex);
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + this.database;
	}

	String username() {
		return ROLE;
	}

	String password() {
		return this.password;
	}

	String database() {
		return this.database;
	}

	int port() {
		return this.postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
		if (this.throwAway != null) {
			Files.deleteIfExists(this.throwAway.resolve(SUPERUSER_PASSWORD_FILE));
			Files.deleteIfExists(this.throwAway.resolve(PROBITY_PASSWORD_FILE));
		}
	}

	private static String prepare(EmbeddedPostgres postgres, Path pg, String superuser, String probity,
			boolean trusting, boolean durable) throws SQLException, IOException {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			if (trusting) {
				log.warn("Migrating the embedded PostgreSQL in {} to password authentication and the role '{}'", pg,
						ROLE);
				s.execute("alter role postgres with password " + literal(superuser));
			}
			s.execute("""
					do $$ begin
					  if not exists (select 1 from pg_roles where rolname = '%s') then
					    create role %s login nosuperuser nocreatedb nocreaterole noreplication;
					  end if;
					end $$""".formatted(ROLE, ROLE));
			s.execute("alter role " + ROLE + " with login nosuperuser password " + literal(probity));
			if (!durable) {
				// throw-away test and benchmark data only: the national benchmark loads
				// its
				// generated rows with foreign-key triggers off (replica mode); a durable
				// cluster, Probity's own, never grants it
				s.execute("grant set on parameter session_replication_role to " + ROLE);
			}
			String database = databaseOf(c);
			if (database == null) {
				if (hasTables(postgres)) {
					handOver(postgres);
					database = "postgres";
				}
				else {
					s.execute("create database " + ROLE + " owner " + ROLE);
					database = ROLE;
				}
			}
			if (trusting) {
				Path hba = pg.resolve("pg_hba.conf");
				Path next = pg.resolve("pg_hba.conf.probity");
				Files.writeString(next, PASSWORD_HBA, StandardCharsets.UTF_8);
				Files.move(next, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				try (ResultSet rs = s.executeQuery("select pg_reload_conf()")) {
					rs.next();
				}
			}
			return database;
		}
	}

	/**
	 * Database {@value #ROLE}, or {@code postgres} once handed over, or null for none.
	 */
	private static String databaseOf(Connection c) throws SQLException {
		try (PreparedStatement q = c.prepareStatement("""
				select datname from pg_database
				where datname = ? or (datname = 'postgres' and pg_get_userbyid(datdba) = ?)
				order by datname = ? desc limit 1
				""")) {
			q.setString(1, ROLE);
			q.setString(2, ROLE);
			q.setString(3, ROLE);
			try (ResultSet rs = q.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	private static boolean hasTables(EmbeddedPostgres postgres) throws SQLException {
		try (Connection c = postgres.getPostgresDatabase().getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("""
						select exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
						               where n.nspname = 'public' and c.relkind in ('r', 'p'))""")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	/**
	 * Gives database {@code postgres} and everything in its schema {@code public} to
	 * {@value #ROLE}, in one transaction, the database itself last: a crash midway leaves
	 * the old owner everywhere and the next start does it again. {@code REASSIGN OWNED}
	 * is refused for the bootstrap superuser, hence the loop.
	 */
	private static void handOver(EmbeddedPostgres postgres) throws SQLException {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			s.execute("""
					do $$ declare r record; begin
					  for r in select c.oid::regclass as name, c.relkind from pg_class c
					           join pg_namespace n on n.oid = c.relnamespace
					           where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
					             and not (c.relkind = 'S' and exists (select 1 from pg_depend d
					                      where d.classid = 'pg_class'::regclass and d.objid = c.oid
					                        and d.deptype in ('a', 'i')))
					  loop
					    execute format('alter %s %s owner to %I',
					      case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
					        when 'f' then 'foreign table' when 'S' then 'sequence' else 'table' end, r.name, 'probity');
					  end loop;
					  for r in select p.oid::regprocedure as name, p.prokind from pg_proc p
					           join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
					  loop
					    execute format('alter %s %s owner to %I',
					      case r.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end,
					      r.name, 'probity');
					  end loop;
					  for r in select t.oid::regtype as name, t.typtype from pg_type t
					           join pg_namespace n on n.oid = t.typnamespace
					           where n.nspname = 'public' and t.typtype in ('e', 'd', 'r', 'm')
					  loop
					    execute format('alter %s %s owner to %I',
					      case r.typtype when 'd' then 'domain' else 'type' end, r.name, 'probity');
					  end loop;
					end $$""");
			s.execute("alter schema public owner to " + ROLE);
			s.execute("alter database postgres owner to " + ROLE);
			c.commit();
		}
	}

	/** True when {@code pg_hba.conf} lets anyone in without a password. */
	static boolean trusts(Path pg) throws IOException {
		Path hba = pg.resolve("pg_hba.conf");
		if (!Files.exists(hba)) {
			return false;
		}
		return Files.readAllLines(hba)
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.anyMatch((line) -> !line.endsWith("scram-sha-256"));
	}

	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/**
	 * The password kept in {@code file}, created once (readable by its owner only).
	 */
	static String readOrCreatePassword(Path file) throws IOException {
		if (!Files.exists(file)) {
			byte[] bytes = new byte[24];
			RANDOM.nextBytes(bytes);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			Path next = file.resolveSibling(file.getFileName() + ".new");
			Files.deleteIfExists(next);
			try {
				Files.createFile(next,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				Files.createFile(next);
			}
			Files.writeString(next, password + "\n", StandardCharsets.UTF_8);
			try {
				Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException ex) {
				Files.deleteIfExists(next);
			}
		}
		String password = Files.readString(file, StandardCharsets.UTF_8).strip();
		if (password.isEmpty()) {
			throw new IllegalStateException(file + " is empty: delete it only together with the data directory");
		}
		return password;
	}

	/**
	 * Stops the PostgreSQL that a killed Probity process left running on this data
	 * directory, if any (see the class comment).
	 */
	static void stopOrphanedServer(Path pg) throws IOException {
		Path pidFile = pg.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).strip());
		}
		catch (RuntimeException ex) {
			log.warn("Removing the unreadable {}", pidFile);
			Files.deleteIfExists(pidFile);
			return;
		}
		String port = (lines.size() > 3) ? lines.get(3).strip() : "unknown";
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty() || !isPostgresOf(process.get(), pg)) {
			// No server of this directory is running (the pid belongs to nobody, or to
			// another program since a reboot): PostgreSQL would refuse to start over a
			// live pid, so the stale file goes.
			log.warn("Removing the stale {} (pid {} is not a PostgreSQL of this directory)", pidFile, pid);
			Files.deleteIfExists(pidFile);
			return;
		}
		log.warn("Stopping the PostgreSQL left running on {} by an earlier Probity process (pid {}, port {})", pg, pid,
				port);
		long started = System.nanoTime();
		if (!(signal(pid, "INT") && exited(process.get(), Duration.ofSeconds(30)))) {
			log.warn("PostgreSQL (pid {}) did not stop in 30 s: asking for an immediate shutdown", pid);
			if (!(signal(pid, "QUIT") && exited(process.get(), Duration.ofSeconds(15)))) {
				throw new IllegalStateException("The PostgreSQL left running on " + pg + " (pid " + pid
						+ ") could not be stopped: stop it, then start Probity again");
			}
		}
		log.info("Stopped the orphaned PostgreSQL in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * A {@code postgres} program whose working directory (PostgreSQL changes to its data
	 * directory) or command line is this data directory.
	 */
	static boolean isPostgresOf(ProcessHandle process, Path pg) {
		ProcessHandle.Info info = process.info();
		boolean postgres = info.command().map((c) -> Path.of(c).getFileName().toString()).orElse("").equals("postgres");
		if (!postgres) {
			return false;
		}
		try {
			Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
			if (cwd.equals(pg.toRealPath())) {
				return true;
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			// not Linux, or not allowed: the command line decides
		}
		String dir = pg.toAbsolutePath().toString();
		return info.arguments().map((args) -> List.of(args).contains(dir)).orElse(false);
	}

	private static boolean signal(long pid, String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true)
				.start();
			return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean exited(ProcessHandle process, Duration wait) {
		try {
			process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
	}

}
