-- Views the audits module publishes for the people module's training needs analysis:
-- completed audits, and the themes each one found wanting (prompts the auditor marked
-- not met, and key questions answered NO), with the text of the template version used.
create view people_completed_audit as
select a.audit_id, a.template_code, t.name as template_name, a.team_code, a.staff_code,
       (a.completed_at at time zone 'Europe/London')::date as completed_on
from case_audit a
join audit_template t on t.template_code = a.template_code
where a.status = 'COMPLETED';

create view people_audit_failure as
select a.audit_id, a.template_code, a.team_code, a.staff_code,
       (a.completed_at at time zone 'Europe/London')::date as completed_on,
       'PROMPT' as theme_kind, fp.prompt_code as theme_code, p.text as theme_text
from case_audit a
join case_audit_failed_prompt fp on fp.audit_id = a.audit_id
join audit_prompt p on p.template_code = a.template_code and p.version = a.template_version
     and p.prompt_code = fp.prompt_code
where a.status = 'COMPLETED'
union all
select a.audit_id, a.template_code, a.team_code, a.staff_code,
       (a.completed_at at time zone 'Europe/London')::date as completed_on,
       'KEY_QUESTION' as theme_kind, ans.key_question_code as theme_code, q.text as theme_text
from case_audit a
join case_audit_answer ans on ans.audit_id = a.audit_id and ans.answer = 'NO'
join audit_key_question q on q.template_code = a.template_code and q.version = a.template_version
     and q.key_question_code = ans.key_question_code
where a.status = 'COMPLETED';
