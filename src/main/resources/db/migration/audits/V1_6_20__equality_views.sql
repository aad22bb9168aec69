-- Published for the equality module (equality.md, "Audit ratings ... by the same
-- characteristics"): one row per completed case audit and key question answered YES or
-- NO, with the person, the month the audit was completed in (London time), the team and
-- practitioner the audit was of, and whether the key question was judged sufficient.
-- NOT_APPLICABLE and unanswered questions are left out, as KeyQuestionPerformance leaves
-- them out of YES / (YES + NO) (case-audit.md, "Ratings", rule 1). Audits of no person
-- (site self-assessments) are not here. The key question's text is that of the template
-- version the audit used.
create view equality_audit_answer as
select a.audit_id, a.template_code, t.name as template_name, t.template_type, a.template_version,
       ans.key_question_code, q.standard_code, q.text as key_question_text, q.position as key_question_position,
       a.crn, a.event_id, a.team_code, a.staff_code,
       (a.completed_at at time zone 'Europe/London')::date as completed_on,
       date_trunc('month', a.completed_at at time zone 'Europe/London')::date as month,
       ans.answer = 'YES' as sufficient
from case_audit a
join audit_template t on t.template_code = a.template_code
join case_audit_answer ans on ans.audit_id = a.audit_id and ans.answer in ('YES', 'NO')
join audit_key_question q on q.template_code = a.template_code and q.version = a.template_version
     and q.key_question_code = ans.key_question_code
where a.status = 'COMPLETED' and a.crn is not null;

-- The key questions of the case templates' current versions, in the template's order:
-- what the equality pages list even when no audit answered one yet.
create view equality_audit_key_question as
select t.template_code, t.name as template_name, q.key_question_code, q.standard_code, q.text as key_question_text,
       s.position as standard_position, q.position as key_question_position
from audit_template t
join audit_key_question q on q.template_code = t.template_code and q.version = t.current_version
join audit_standard s on s.template_code = q.template_code and s.version = q.version
     and s.standard_code = q.standard_code
where t.template_type = 'CASE';
