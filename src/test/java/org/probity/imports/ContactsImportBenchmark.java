package org.probity.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.probity.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports 2,000,000 contacts (for 100,000 people and 200,000 events) through the API and
 * prints rows per second and the peak heap. Not part of the test suite (the name does not
 * end in Tests); run it with
 * {@code mvn test -Dtest=ContactsImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and write the figures to BENCHMARKS.md. Codes here start with Y.
 */
@IntegrationTest
class ContactsImportBenchmark {

	private static final int PEOPLE = 100_000;

	private static final int EVENTS_PER_PERSON = 2;

	private static final int CONTACTS_PER_EVENT = 10;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsTwoMillionContacts() throws Exception {
		Path dir = Files.createTempDirectory("probity-benchmark");
		Path units = write(dir.resolve("units.csv"), "unit_code,unit_name,unit_type,parent_code", (w) -> w
			.write("YBP,Benchmark provider,PROVIDER,\nYBL,Benchmark LDU,LDU,YBP\nYBT,Benchmark team,TEAM,YBL\n"));
		Path staff = write(dir.resolve("staff.csv"), "staff_code,forename,surname,grade,team_code,start_date,end_date",
				(w) -> w.write("YBS0001,Bench,Mark,PO,YBT,2020-01-01,\n"));
		Path people = write(dir.resolve("people.csv"),
				"crn,forename,surname,date_of_birth,sex,gender_identity_same_as_birth,ethnicity,religion,sexual_orientation,disability,marital_status,restricted",
				(w) -> {
					for (int p = 0; p < PEOPLE; p++) {
						w.write(crn(p) + ",Alex,Person" + p
								+ ",1990-01-01,MALE,Y,WHITE,NONE,HETEROSEXUAL,N,SINGLE,N\n");
					}
				});
		Path events = write(dir.resolve("events.csv"),
				"event_id,crn,event_type,sentence_date,allocation_date,release_date,expected_end_date,termination_date,termination_reason,staff_code,team_code",
				(w) -> {
					for (int p = 0; p < PEOPLE; p++) {
						for (int e = 0; e < EVENTS_PER_PERSON; e++) {
							w.write("YE" + p + "-" + e + "," + crn(p)
									+ ",COMMUNITY_ORDER,2024-01-08,2024-01-09,,2025-01-07,,,YBS0001,YBT\n");
						}
					}
				});
		Path contacts = write(dir.resolve("contacts.csv"),
				"contact_id,crn,event_id,requirement_id,staff_code,contact_type,face_to_face,national_standard,arranged_on,contact_at,outcome",
				(w) -> {
					LocalDate start = LocalDate.of(2024, 1, 10);
					for (int p = 0; p < PEOPLE; p++) {
						for (int e = 0; e < EVENTS_PER_PERSON; e++) {
							for (int c = 0; c < CONTACTS_PER_EVENT; c++) {
								LocalDate day = start.plusDays(c * 7L);
								w.write("YC" + p + "-" + e + "-" + c + "," + crn(p) + ",YE" + p + "-" + e
										+ ",,YBS0001,SUPERVISION,Y,Y," + day.minusDays(3) + "," + day + "T10:30,"
										+ ((c % 5 == 0) ? "UNACCEPTABLE_ABSENCE" : "ATTENDED_COMPLIED") + "\n");
							}
						}
					}
				});
		post("units", units);
		post("staff", staff);
		measure("people", people, PEOPLE);
		measure("events", events, PEOPLE * EVENTS_PER_PERSON);
		measure("contacts", contacts, PEOPLE * EVENTS_PER_PERSON * CONTACTS_PER_EVENT);
		measure("contacts (again, unchanged)", contacts, PEOPLE * EVENTS_PER_PERSON * CONTACTS_PER_EVENT);
	}

	private void measure(String label, Path file, long rows) throws Exception {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		AtomicLong sampledPeak = new AtomicLong();
		Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
						Math::max);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		long cpuBefore = jvmCpuNanos() + postgresCpuNanos();
		long started = System.nanoTime();
		String body = post(label.startsWith("contacts") ? "contacts" : label, file);
		double seconds = (System.nanoTime() - started) / 1e9;
		double cpuSeconds = (jvmCpuNanos() + postgresCpuNanos() - cpuBefore) / 1e9;
		sampler.interrupt();
		long poolPeaks = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
		System.out.printf(
				"BENCHMARK %s: %,d rows (%,d MB file) in %.1f s = %,.0f rows/s; heap used peak %,d MB"
						+ " (sampled), sum of pool peaks %,d MB; %s%n",
				label, rows, Files.size(file) / 1_000_000, seconds, rows / seconds, sampledPeak.get() / 1_000_000,
				poolPeaks / 1_000_000, body);
	}

	private String post(String dataset, Path file) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/imports/" + dataset))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofFile(file))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static long jvmCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * CPU time of this test's PostgreSQL server processes (Linux /proc): the machine is
	 * shared, so wall-clock time alone says little.
	 */
	private long postgresCpuNanos() throws IOException {
		long postmaster = this.jdbc.sql("select pid from pg_stat_activity where backend_type = 'checkpointer'")
			.query(Long.class)
			.single();
		long parent = parentOf(postmaster);
		long ticks = 0;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter((p) -> p.getFileName().toString().matches("[0-9]+")).toList()) {
				try {
					String[] stat = stat(process);
					long pid = Long.parseLong(process.getFileName().toString());
					if (pid == parent) {
						// the postmaster, with the backends that have ended
						ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
								+ Long.parseLong(stat[14]);
					}
					else if (Long.parseLong(stat[1]) == parent) {
						ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
					}
				}
				catch (IOException | RuntimeException ex) {
					// the process ended meanwhile
				}
			}
		}
		return ticks * 10_000_000L;
	}

	private static long parentOf(long pid) throws IOException {
		return Long.parseLong(stat(Path.of("/proc", Long.toString(pid)))[1]);
	}

	/** The fields of /proc/PID/stat after the command name: state, ppid, ... */
	private static String[] stat(Path process) throws IOException {
		String stat = Files.readString(process.resolve("stat"));
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
	}

	private static String crn(int person) {
		return "Y%06d".formatted(person);
	}

	interface Rows {

		void write(BufferedWriter writer) throws IOException;

	}

	private static Path write(Path file, String header, Rows rows) throws IOException {
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write(header);
			writer.write('\n');
			rows.write(writer);
		}
		return file;
	}

}
