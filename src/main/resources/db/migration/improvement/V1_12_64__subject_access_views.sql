-- Published for subject access requests (subjectaccess module), for what the first views
-- (V1_7_40) left out, as SubjectAccessCoverageTests found: plans, projects and risks that
-- name a member of staff as their owner (a staff code, or a name written in free text),
-- the reminders mailed about the actions they own, and what each account did here.
create view subject_access_improvement_plan as
select plan_id, kind, title, unit_code, owner, owner_staff, inspection_id, standing, archived_at, archived_by,
       created_at, created_by
from improvement_plan;

create view subject_access_improvement_project as
select project_id, plan_id, title, owner, team, control_watcher, measure_code, unit_code, stage, problem, scope, goal,
       created_at, created_by, closed_at
from improvement_project;

create view subject_access_improvement_risk_review as
select rv.review_id, rv.risk_id, r.plan_id, r.risk_no, rv.reviewed_on, rv.description, rv.owner, rv.likelihood,
       rv.impact, rv.controls, rv.review_date, rv.note, rv.recorded_at, rv.recorded_by
from improvement_risk_review rv join improvement_risk r on r.risk_id = rv.risk_id;

-- One row per reminder mailed when an action turned Amber or Red.
create view subject_access_action_reminder as
select action_id, rag, due_on, sent_at from improvement_notification;

-- What an account did in the improvement module, one row per act: the record in words,
-- which one, what was done, when and by which account.
create view subject_access_improvement_trail as
select 'Improvement plan' as record, title as reference, 'Created' as did, created_at as done_at,
       created_by as username
from improvement_plan
union all
select 'Improvement plan', title, 'Archived', archived_at, archived_by from improvement_plan where archived_by is not null
union all
select 'Improvement action', 'Action ' || action_id, 'Created', created_at, created_by from improvement_action
union all
select 'Improvement action', 'Action ' || action_id, 'Wrote an update', written_at, author from improvement_action_update
union all
select 'Published inspection', name, 'Recorded', created_at, created_by from improvement_inspection
union all
select 'Risk', 'Risk ' || risk_no || ' of plan ' || plan_id, 'Added', created_at, created_by from improvement_risk
union all
select 'Risk', 'Risk ' || r.risk_no || ' of plan ' || r.plan_id, 'Recorded a review', rv.recorded_at, rv.recorded_by
from improvement_risk_review rv join improvement_risk r on r.risk_id = rv.risk_id
union all
select 'Improvement project', title, 'Created', created_at, created_by from improvement_project
union all
select 'Improvement project', p.title || ': ' || s.stage, 'Signed off', s.signed_off_at, s.signed_off_by
from improvement_project_signoff s join improvement_project p on p.project_id = s.project_id
union all
select 'Improvement project', p.title || ': root cause', 'Added', c.added_at, c.added_by
from improvement_project_cause c join improvement_project p on p.project_id = c.project_id
union all
select 'Improvement project', p.title || ': change tried', 'Added', c.added_at, c.added_by
from improvement_project_change c join improvement_project p on p.project_id = c.project_id;
