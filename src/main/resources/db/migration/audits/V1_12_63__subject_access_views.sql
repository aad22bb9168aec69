-- Published for subject access requests (subjectaccess module), for what the first views
-- (V1_6_30) left out, as SubjectAccessCoverageTests found.

-- The prompts of a case audit answered Yes or Not applicable (V1_12_42: a No stays a row
-- of case_audit_failed_prompt), each with its words in the template version the audit used.
create view subject_access_audit_prompt_answer as
select a.audit_id, a.crn, a.auditor, pa.prompt_code, p.text as prompt, pa.answer
from case_audit_prompt_answer pa
join case_audit a on a.audit_id = pa.audit_id
left join audit_prompt p on p.template_code = a.template_code and p.version = a.template_version
     and p.prompt_code = pa.prompt_code;

-- The prompts not met and the key questions answered, now with their words too, so that a
-- person can read what each code asked (the words are added at the end: a view keeps its
-- columns in place).
create or replace view subject_access_audit_failed_prompt as
select a.audit_id, a.crn, a.auditor, fp.prompt_code, p.text as prompt
from case_audit_failed_prompt fp
join case_audit a on a.audit_id = fp.audit_id
left join audit_prompt p on p.template_code = a.template_code and p.version = a.template_version
     and p.prompt_code = fp.prompt_code;

create or replace view subject_access_audit_answer as
select a.audit_id, a.crn, a.auditor, q.key_question_code, q.answer, q.comment, k.text as key_question
from case_audit_answer q
join case_audit a on a.audit_id = q.audit_id
left join audit_key_question k on k.template_code = a.template_code and k.version = a.template_version
     and k.key_question_code = q.key_question_code;

-- Every draw that picked a person's case (and so their practitioner's), with the programme
-- and round it was drawn for.
create view subject_access_audit_sample_case as
select sc.sample_id, s.programme_id, pr.name as programme, r.period_code as round, s.drawn_at, s.drawn_by,
       sc.position, sc.event_id, sc.crn, sc.team_code, sc.staff_code
from audit_sample_case sc
join audit_sample s on s.sample_id = sc.sample_id
left join audit_programme pr on pr.programme_id = s.programme_id
left join audit_round r on r.round_id = s.round_id;

-- Programmes that choose a practitioner's cases (staff_code, practitioners), and the
-- auditors each programme names (accounts).
create view subject_access_audit_programme as
select programme_id, name, kind, template_code, unit_code, event_types, date_from, date_to, staff_code,
       failed_measure, failed_measure_period, sample_size, per_practitioner, practitioners, stratified, recurrence,
       start_month, end_month, created_at, created_by
from audit_programme;

create view subject_access_audit_programme_auditor as
select a.programme_id, p.name as programme, a.username
from audit_programme_auditor a join audit_programme p on p.programme_id = a.programme_id;

-- What an account did in the audits module, one row per act: the record in words, which
-- one, what was done, when (done_at where the time is kept) and by which account.
create view subject_access_audits_trail as
select 'Audit template' as record, template_code || ' version ' || version as reference, 'Created' as did,
       created_at as done_at, created_by as username
from audit_template_version
union all
select 'Audit programme', name, 'Created', created_at, created_by from audit_programme
union all
select 'Audit sample', 'Sample ' || sample_id, 'Drew', drawn_at, drawn_by from audit_sample
union all
select 'Inspection-style exercise', name, 'Created', created_at, created_by from audit_inspection
union all
select 'Case audit', 'Audit ' || audit_id, 'Last changed', updated_at, updated_by from case_audit
union all
select 'Audit alert', 'Audit ' || audit_id, 'Raised', raised_at, raised_by from audit_alert
union all
select 'Audit alert', 'Audit ' || audit_id, 'Recorded the action taken', acknowledged_at, acknowledged_by
from audit_alert where acknowledged_by is not null
union all
select 'Case audit', 'Audit ' || audit_id, 'Read and acknowledged', acknowledged_at, acknowledged_by
from case_audit_acknowledgement;
