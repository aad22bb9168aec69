package org.probity.improvement.plans;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A plan in the published layout: numbered recommendations with their response, their
 * actions with owner and target date, and the counts; as CSV (the exchange layout), XLSX
 * and PDF.
 */
@Component
class PlanExports {

	private final Recommendations recommendations;

	private final Actions actions;

	private final Documents documents;

	PlanExports(Recommendations recommendations, Actions actions, Documents documents) {
		this.recommendations = recommendations;
		this.actions = actions;
		this.documents = documents;
	}

	Documents documents() {
		return this.documents;
	}

	ResponseEntity<byte[]> export(Plans.Plan plan, String format, LocalDate asOf) {
		String name = "plan-" + plan.planId();
		return switch (format) {
			case "csv" -> Documents.download(this.recommendations.exportCsv(plan.planId(), asOf),
					new MediaType("text", "csv", StandardCharsets.UTF_8), name + ".csv");
			case "xlsx" -> Documents.download(xlsx(plan, asOf), Documents.XLSX, name + ".xlsx");
			case "pdf" -> Documents.download(pdf(plan, asOf), MediaType.APPLICATION_PDF, name + ".pdf");
			default -> throw new InvalidPlan("format", "The formats are csv, xlsx and pdf");
		};
	}

	private byte[] xlsx(Plans.Plan plan, LocalDate asOf) {
		List<Recommendation> recs = this.recommendations.of(plan.planId());
		Recommendations.Summary s = Recommendations.summary(recs);
		List<List<Object>> rows = new ArrayList<>();
		for (ActionView a : this.actions.ofPlan(plan.planId(), asOf)) {
			Recommendation r = recs.stream()
				.filter((x) -> a.recNo() != null && x.recNo() == a.recNo())
				.findFirst()
				.orElse(null);
			rows.add(List.of((a.recNo() != null) ? a.recNo() : "", (r != null) ? r.text() : "",
					(r != null) ? r.response().label() : "", a.actionNo(), a.description(), a.owner(), a.targetDate(),
					(a.recurrence() != null) ? a.recurrence().name() : "", a.status().label(), a.rag().label()));
		}
		for (Recommendation r : recs) {
			if (r.response() == Response.NOT_AGREED) {
				rows.add(List.of(r.recNo(), r.text(), r.response().label(), "", "", "", "", "", "", ""));
			}
		}
		List<List<Object>> counts = List.of(List.of("Agreed", s.agreed()), List.of("Partly agreed", s.partlyAgreed()),
				List.of("Not agreed", s.notAgreed()), List.of("Total", s.total()));
		return this.documents.xlsx(List.of(
				new Documents.Sheet("Actions",
						plan.title() + " (RAG as of " + org.probity.shared.Dates.format(asOf) + ")",
						List.of("Rec no", "Recommendation", "Response", "Action no", "Action", "Owner", "Target date",
								"Recurrence", "Status", "RAG"),
						rows),
				new Documents.Sheet("Recommendations", "Recommendations", List.of("Response", "Count"), counts)));
	}

	private byte[] pdf(Plans.Plan plan, LocalDate asOf) {
		List<Recommendation> recs = this.recommendations.of(plan.planId());
		return this.documents.pdf("improvement/plan-pdf", Map.of("plan", plan, "recommendations", recs, "summary",
				Recommendations.summary(recs), "actions", this.actions.ofPlan(plan.planId(), asOf), "asOf", asOf));
	}

}
