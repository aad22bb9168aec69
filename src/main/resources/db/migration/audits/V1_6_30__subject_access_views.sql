-- Published for subject access requests (subjectaccess module): audits of a person's
-- cases with every answer and comment, the prompts found not met, alerts and the
-- practitioner's acknowledgement; and audits by the member of staff who did them.
create view subject_access_audit as
select a.audit_id, a.template_code, a.template_version, a.event_id, a.crn, a.team_code, a.staff_code,
       a.auditor, a.status, a.due_date, a.alert, a.alert_reason, a.summary, a.completed_at, a.completed_by,
       a.framework_version, a.updated_at, a.updated_by
from case_audit a;
create view subject_access_audit_answer as
select a.audit_id, a.crn, a.auditor, q.key_question_code, q.answer, q.comment
from case_audit_answer q join case_audit a on a.audit_id = q.audit_id;
create view subject_access_audit_failed_prompt as
select a.audit_id, a.crn, a.auditor, p.prompt_code
from case_audit_failed_prompt p join case_audit a on a.audit_id = p.audit_id;
create view subject_access_audit_alert as
select al.audit_id, a.crn, al.raised_at, al.raised_by, al.due_date, al.team_code, al.staff_code, al.reason,
       al.acknowledged_at, al.acknowledged_by, al.action_taken
from audit_alert al join case_audit a on a.audit_id = al.audit_id;
create view subject_access_audit_acknowledgement as
select k.audit_id, a.crn, k.acknowledged_by, k.acknowledged_at, k.note
from case_audit_acknowledgement k join case_audit a on a.audit_id = k.audit_id;
