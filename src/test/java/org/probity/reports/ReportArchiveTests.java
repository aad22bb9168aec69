package org.probity.reports;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.reports.archive.ReportArchive;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportRefused;
import org.probity.reports.archive.ReportStatus;
import org.probity.reports.archive.StoredReport;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The archive's workflow: drafts change, frozen versions never do, stale edits are
 * refused.
 */
@IntegrationTest
class ReportArchiveTests {

	static final UnitCode PROVIDER = new UnitCode("RAT");

	@Autowired
	ReportArchive archive;

	@Test
	void aDraftIsSubmittedAndApprovedAndThenItsContentIsFrozen() {
		StoredReport draft = this.archive.create(ReportKind.MONTHLY_PACK, "2031-01", PROVIDER, "Pack", null,
				"{\"n\": 1}", ReportStatus.DRAFT, "author");
		StoredReport edited = this.archive.replaceDraft(draft.id(), draft.version(), "{\"n\": 2}", "author");
		StoredReport submitted = this.archive.transition(edited.id(), edited.version(), ReportStatus.SUBMITTED,
				"author", null);
		StoredReport approved = this.archive.transition(submitted.id(), submitted.version(), ReportStatus.APPROVED,
				"approver", null);

		assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
		assertThat(approved.approvedBy()).isEqualTo("approver");
		assertThat(approved.submittedBy()).isEqualTo("author");
		assertThat(approved.content()).isEqualTo("{\"n\": 2}");
		assertThatThrownBy(() -> this.archive.replaceDraft(approved.id(), approved.version(), "{}", "author"))
			.isInstanceOfSatisfying(ReportRefused.class,
					(e) -> assertThat(e.kind()).isEqualTo(ReportRefused.Kind.NOT_ALLOWED));
		assertThat(this.archive.history(approved.id())).extracting(StoredReport.Change::to)
			.containsExactly(ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.APPROVED);
	}

	@Test
	void aStaleVersionIsRefusedAndChangesNothing() {
		StoredReport draft = this.archive.create(ReportKind.MONTHLY_PACK, "2031-02", PROVIDER, "Pack", null, "{}",
				ReportStatus.DRAFT, "author");
		this.archive.replaceDraft(draft.id(), draft.version(), "{\"first\": true}", "one");

		assertThatThrownBy(() -> this.archive.replaceDraft(draft.id(), draft.version(), "{\"second\": true}", "two"))
			.isInstanceOfSatisfying(ReportRefused.class,
					(e) -> assertThat(e.kind()).isEqualTo(ReportRefused.Kind.STALE));
		assertThatThrownBy(
				() -> this.archive.transition(draft.id(), draft.version(), ReportStatus.SUBMITTED, "two", null))
			.isInstanceOf(ReportRefused.class);
		assertThat(this.archive.find(draft.id()).orElseThrow().content()).isEqualTo("{\"first\": true}");
	}

	@Test
	void aReissueIsANewIssueThatSupersedesTheApprovedOneOnlyWhenItIsApproved() {
		StoredReport first = approve(this.archive.create(ReportKind.MONTHLY_PACK, "2031-03", PROVIDER, "Pack", null,
				"{\"v\": 1}", ReportStatus.DRAFT, "author"));
		StoredReport reissue = this.archive.reissue(first.id(), "Contacts re-imported", "{\"v\": 2}", "author");

		assertThat(reissue.issue()).isEqualTo(2);
		assertThat(reissue.reissueReason()).isEqualTo("Contacts re-imported");
		assertThat(this.archive.find(first.id()).orElseThrow().status()).isEqualTo(ReportStatus.APPROVED);
		assertThatThrownBy(() -> this.archive.reissue(first.id(), "again", "{}", "author"))
			.isInstanceOf(ReportRefused.class);

		approve(reissue);

		StoredReport old = this.archive.find(first.id()).orElseThrow();
		assertThat(old.status()).isEqualTo(ReportStatus.SUPERSEDED);
		assertThat(old.content()).isEqualTo("{\"v\": 1}");
		assertThat(this.archive.latest(ReportKind.MONTHLY_PACK, "2031-03", PROVIDER).orElseThrow().id())
			.isEqualTo(reissue.id());
	}

	@Test
	void anIssuedReportCannotGoThroughTheWorkflow() {
		StoredReport issued = this.archive.create(ReportKind.WEEKLY_OPERATIONS, "2031-W02", PROVIDER, "Weekly", null,
				"{}", ReportStatus.ISSUED, "scheduler");

		assertThatThrownBy(
				() -> this.archive.transition(issued.id(), issued.version(), ReportStatus.APPROVED, "someone", null))
			.isInstanceOfSatisfying(ReportRefused.class,
					(e) -> assertThat(e.kind()).isEqualTo(ReportRefused.Kind.NOT_ALLOWED));
	}

	private StoredReport approve(StoredReport draft) {
		StoredReport submitted = this.archive.transition(draft.id(), draft.version(), ReportStatus.SUBMITTED, "a",
				null);
		return this.archive.transition(submitted.id(), submitted.version(), ReportStatus.APPROVED, "b", null);
	}

}
