package org.probity.improvement.plans;

import java.time.LocalDate;
import java.util.List;

import org.probity.improvement.SourceKind;

/** An action as read, with its RAG as of a date. */
public record ActionView(long actionId, long planId, Integer recNo, int actionNo, String description, String ownerRole,
		String ownerStaff, String ownerName, LocalDate targetDate, Recurrence recurrence, ActionStatus status,
		String cancelReason, SourceKind sourceKind, String sourceRef, String unitCode, LocalDate createdOn, int version,
		List<LocalDate> updateDates, LocalDate asOf, Rag rag) {

	public boolean open() {
		return this.status.open();
	}

	/** This action as seen by someone who may not open the restricted case it names. */
	ActionView restricted() {
		return new ActionView(this.actionId, this.planId, this.recNo, this.actionNo,
				"Restricted case: you may not see this action's details", this.ownerRole, this.ownerStaff,
				this.ownerName, this.targetDate, this.recurrence, this.status, this.cancelReason, this.sourceKind,
				this.sourceRef, this.unitCode, this.createdOn, this.version, this.updateDates, this.asOf, this.rag);
	}

	/**
	 * The owner as the plan's published layout writes it: the role, with the name when
	 * named.
	 */
	public String owner() {
		return (this.ownerName != null) ? this.ownerRole + " (" + this.ownerName + ")" : this.ownerRole;
	}

	/** Days past the target date as of the date judged; zero when not overdue. */
	public long daysOverdue() {
		LocalDate due = this.targetDate;
		if (this.recurrence != null && !this.asOf.isBefore(this.targetDate)) {
			due = this.recurrence.reviewDate(this.targetDate,
					this.recurrence.periodsOnOrBefore(this.targetDate, this.asOf));
		}
		return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, this.asOf));
	}

	/** The next date the action is due: its target date, or its next review date. */
	public LocalDate dueDate() {
		if (this.recurrence == null || this.asOf.isBefore(this.targetDate)) {
			return this.targetDate;
		}
		int n = this.recurrence.periodsOnOrBefore(this.targetDate, this.asOf);
		return this.recurrence.reviewDate(this.targetDate, n + 1);
	}

	/**
	 * The date a RAG of the action is about, so that a reminder is sent once per change:
	 * the target date, or for a recurring action the review date missed (RED) or coming
	 * (AMBER).
	 */
	public LocalDate ragDate() {
		if (this.recurrence == null || this.asOf.isBefore(this.targetDate)) {
			return this.targetDate;
		}
		int n = this.recurrence.periodsOnOrBefore(this.targetDate, this.asOf);
		return (this.rag == Rag.RED) ? this.recurrence.reviewDate(this.targetDate, n)
				: this.recurrence.reviewDate(this.targetDate, n + 1);
	}

	/** A link back to the evidence an action came from. */
	public record Link(String label, String href) {
	}

	/** Where a reader goes from the action back to its evidence. */
	public List<Link> sourceLinks() {
		if (this.sourceRef == null) {
			return List.of();
		}
		return switch (this.sourceKind) {
			case ALERT -> List.of(new Link("The alert", "/audits/alerts?audit=" + this.sourceRef),
					new Link("The audit", "/audits/" + this.sourceRef));
			case AUDIT_FINDING -> List.of(new Link("The audit", "/audits/" + this.sourceRef));
			case MEASURE_FLAG -> {
				String[] parts = this.sourceRef.split(":");
				if (parts.length < 4) {
					yield List.of();
				}
				String query = "?period=" + parts[2] + "&unit=" + parts[1];
				yield List.of(new Link("The measure " + parts[0], "/measures/" + parts[0] + query),
						new Link("Its failed cases", "/measures/" + parts[0] + "/cases" + query));
			}
			default -> List.of();
		};
	}

}
