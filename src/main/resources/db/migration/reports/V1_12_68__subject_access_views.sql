-- Published for subject access requests (subjectaccess module), which had no view of the
-- reports module, as SubjectAccessCoverageTests found: the contract obligations an account
-- owns, the mailing lists and mailings that hold a member of staff's email address, and
-- what each account did to reports, registers and lists.
create view subject_access_obligation as
select obligation_id, clause, requirement, owner_username, evidence_kind, evidence_ref, review_frequency,
       next_review_on, delivery_unit, created_at, created_by, updated_at, updated_by
from obligation;

create view subject_access_report_distribution as
select entry_id, kind, unit_code, email, delivery, added_at, added_by from report_distribution;

create view subject_access_report_distribution_change as
select changed_at, changed_by, kind, unit_code, email, delivery, change from report_distribution_change;

create view subject_access_report_mailing as
select m.report_id, r.title, r.period, m.email, m.delivery, m.sent_at, m.outcome, m.error
from report_mailing m join report r on r.report_id = m.report_id;

-- One row per act: the record in words, which one, what was done, when and by which
-- account.
create view subject_access_reports_trail as
select 'Report' as record, title || ' (issue ' || issue || ')' as reference, 'Created' as did, created_at as done_at,
       created_by as username
from report
union all
select 'Report', title || ' (issue ' || issue || ')', 'Submitted', submitted_at, submitted_by
from report where submitted_by is not null
union all
select 'Report', title || ' (issue ' || issue || ')', 'Approved', approved_at, approved_by
from report where approved_by is not null
union all
select 'Report', r.title || ' (issue ' || r.issue || ')', 'Changed its status to ' || h.to_status, h.changed_at, h.changed_by
from report_history h join report r on r.report_id = h.report_id
union all
select 'Contract obligation', clause, 'Created', created_at, created_by from obligation
union all
select 'Contract obligation', clause, 'Last changed', updated_at, updated_by from obligation
union all
select 'Contract obligation', o.clause, 'Changed: ' || c.change, c.changed_at, c.changed_by
from obligation_change c join obligation o on o.obligation_id = c.obligation_id
union all
select 'Contract obligation', o.clause, 'Reviewed (' || v.rag || ')', v.recorded_at, v.reviewed_by
from obligation_review v join obligation o on o.obligation_id = v.obligation_id
union all
select 'Baseline year', cast(baseline_year as text), 'Set', set_at, set_by from report_baseline
union all
select 'Baseline year', cast(to_year as text), 'Changed', changed_at, changed_by from report_baseline_history
union all
select 'Report mailing list', kind || ' ' || unit_code || ': ' || email, 'Added', added_at, added_by
from report_distribution
union all
select 'Report mailing list', kind || ' ' || unit_code || ': ' || email, initcap(change), changed_at, changed_by
from report_distribution_change
union all
select 'Subcontractor', name, 'Last changed', updated_at, updated_by from report_subcontractor
union all
select 'Subcontractor', name, 'Changed: ' || change, changed_at, changed_by from report_subcontractor_change;
