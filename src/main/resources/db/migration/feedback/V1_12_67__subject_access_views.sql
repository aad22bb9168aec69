-- Published for subject access requests (subjectaccess module), for what the first view
-- (V1_10_30) left out, as SubjectAccessCoverageTests found: the categories of each
-- complaint (added at the end: a view keeps its columns in place), and what each account
-- did in the feedback module. Survey responses are anonymous by design and name no one.
create or replace view subject_access_complaint as
select c.complaint_id, c.received_on, c.channel, c.complainant, c.unit_code, c.staff_code, c.crn, c.summary,
       c.acknowledged_on, c.responded_on, c.outcome, c.appealed_on, c.appeal_responded_on, c.appeal_outcome,
       c.ombudsman_referred_on, c.ombudsman_outcome, c.action_id, c.logged_by, c.logged_at,
       array(select coalesce(k.label, l.category)
             from complaint_category_link l left join complaint_category k on k.code = l.category
             where l.complaint_id = c.complaint_id order by 1) as categories
from complaint c;

-- One row per act: the record in words, which one, what was done, when (done_on; done_at
-- where the time is kept) and by which account.
create view subject_access_feedback_trail as
select 'Complaint' as record, 'Complaint ' || complaint_id as reference, 'Logged' as did,
       (logged_at at time zone 'Europe/London')::date as done_on, logged_at as done_at, logged_by as username
from complaint
union all
select 'Questionnaire', title || ' (version ' || version || ')', 'Created', (created_at at time zone 'Europe/London')::date,
       created_at, created_by
from questionnaire
union all
select 'Survey round', title, 'Created', null, null, created_by from survey_round
union all
select 'Survey answer', 'Response ' || response_id || ', question ' || question_code, 'Coded with the theme ' || theme_code,
       null, null, coded_by
from answer_theme
union all
select 'Meeting', title || ' held on ' || held_on, 'Recorded', null, null, recorded_by from feedback_meeting
union all
select 'Action from feedback', description, 'Raised', raised_on, null, raised_by from feedback_action;
